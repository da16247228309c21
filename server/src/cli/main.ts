// `cable`: the command-line interface over the cable model.
console.error('usage: cable parse|outline FILE...');
process.exit(2);
