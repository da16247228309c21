-- Driven by neovim.test.ts: Neovim's own LSP client against the built server, headless.
-- Env: CABLE_SERVER (server.js), CABLE_FILE (cable to open), CABLE_FOLDERS (colon-separated),
-- CABLE_OUT (where the JSON answers go).
local server, file, out = os.getenv('CABLE_SERVER'), os.getenv('CABLE_FILE'), os.getenv('CABLE_OUT')
local folders = {}
for dir in string.gmatch(os.getenv('CABLE_FOLDERS'), '[^:]+') do
  table.insert(folders, { uri = vim.uri_from_fname(dir), name = dir })
end
vim.cmd('edit ' .. file)
local bufnr = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = 'cable', cmd = { 'node', server, '--stdio' }, root_dir = vim.fn.fnamemodify(file, ':h'), workspace_folders = folders })
vim.lsp.buf_attach_client(bufnr, id)
vim.wait(10000, function()
  local client = vim.lsp.get_client_by_id(id)
  return client ~= nil and client.initialized
end)
local function request(method, params)
  local answers = vim.lsp.buf_request_sync(bufnr, method, params, 20000) or {}
  for _, answer in pairs(answers) do return answer.result or { error = answer.error } end
  return { error = 'no answer' }
end
local document = { uri = vim.uri_from_bufnr(bufnr) }
local answers = {
  symbols = request('textDocument/documentSymbol', { textDocument = document }),
  hover = request('textDocument/hover', { textDocument = document, position = { line = tonumber(os.getenv('CABLE_HOVER_LINE')), character = tonumber(os.getenv('CABLE_HOVER_CHARACTER')) } }),
  definition = request('textDocument/definition', { textDocument = document, position = { line = tonumber(os.getenv('CABLE_REF_LINE')), character = tonumber(os.getenv('CABLE_REF_CHARACTER')) } }),
}
vim.fn.writefile({ vim.fn.json_encode(answers) }, out)
vim.lsp.stop_client(id)
vim.wait(1000, function() return vim.lsp.get_client_by_id(id) == nil end)
vim.cmd('qa!')
