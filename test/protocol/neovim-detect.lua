-- Driven by neovim.test.ts: the filetype the README's cable-filetype.lua gives each file listed in
-- CABLE_DETECT_LIST (one path a line), written to CABLE_OUT as one filetype a line.
local filetypes = {}
for _, path in ipairs(vim.fn.readfile(os.getenv('CABLE_DETECT_LIST'))) do
  vim.cmd('silent edit ' .. vim.fn.fnameescape(path))
  table.insert(filetypes, vim.bo.filetype)
  vim.cmd('silent bwipeout!')
end
vim.fn.writefile(filetypes, os.getenv('CABLE_OUT'))
vim.cmd('qa!')
