-- Driven by neovim.test.ts: Neovim's own LSP client, configured by the README's files
-- (editors/neovim/, loaded by the test's init.lua), against the built server, headless.
-- Env: CABLE_WORKSPACE (a copy of samples/ with a .git folder), CABLE_OUT (where the JSON answers go).
local workspace, out = os.getenv('CABLE_WORKSPACE'), os.getenv('CABLE_OUT')
local answers = {}
-- The edited cable stays open, unsaved, while the next one is opened.
vim.o.hidden = true

local function open(file)
  vim.cmd('edit ' .. workspace .. '/' .. file)
  local bufnr = vim.api.nvim_get_current_buf()
  vim.wait(20000, function()
    local client = vim.lsp.buf_get_clients(bufnr)[1]
    return client ~= nil and client.initialized
  end)
  return bufnr
end

-- Zero-based position of the `n`th occurrence of plain `needle` in the buffer.
local function position(bufnr, needle, n)
  local seen = 0
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local from = 1
    while true do
      local at = line:find(needle, from, true)
      if not at then break end
      seen = seen + 1
      if seen == (n or 1) then return { line = i - 1, character = at - 1 } end
      from = at + 1
    end
  end
  error('no ' .. needle)
end

local function request(bufnr, method, params)
  params.textDocument = { uri = vim.uri_from_bufnr(bufnr) }
  local replies = vim.lsp.buf_request_sync(bufnr, method, params, 20000) or {}
  for _, reply in pairs(replies) do return reply.result or { error = reply.error } end
  return { error = 'no answer' }
end

local madrid = open('plain/06MADRID2657.txt')
answers.filetype = vim.bo[madrid].filetype
answers.attached = #vim.lsp.buf_get_clients(madrid)
answers.mappings = vim.tbl_map(function(keys) return vim.fn.maparg(keys, 'n') ~= '' end, { gd = 'gd', K = 'K', gr = 'gr', gO = 'gO' })
answers.symbols = request(madrid, 'textDocument/documentSymbol', {})
answers.hover = request(madrid, 'textDocument/hover', { position = position(madrid, 'PHUM') })
answers.references = request(madrid, 'textDocument/references', { position = position(madrid, 'C O N F I D E N T I A L'), context = { includeDeclaration = false } })

-- The code lens, as `<leader>cl` runs it on the banner: the server lists the cables in a message.
vim.wait(20000, function() return #vim.lsp.codelens.get(madrid) > 0 end, 100)
local lens = vim.lsp.codelens.get(madrid)[1]
answers.lens = lens and lens.command and lens.command.title
local messages = {}
local show_message = vim.lsp.handlers['window/showMessage']
vim.lsp.handlers['window/showMessage'] = function(err, result, ctx, config)
  table.insert(messages, result.message)
  return show_message(err, result, ctx, config)
end
if lens then
  vim.api.nvim_win_set_cursor(0, { lens.range.start.line + 1, 0 })
  vim.lsp.codelens.run()
  vim.wait(20000, function() return #messages > 0 end, 50)
end
answers.lensMessages = messages

-- Diagnostics follow an edit: an unknown TAGS code.
local tags = position(madrid, 'TAGS: PHUM')
vim.api.nvim_buf_set_text(madrid, tags.line, 6, tags.line, 6, { 'PXYZ ' })
local function codes()
  return vim.tbl_map(function(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) end, vim.diagnostic.get(madrid))
end
vim.wait(20000, function() return vim.tbl_contains(codes(), 'unknown-tag') end, 50)
answers.diagnostics = codes()

local ref = open('plain/07MADRID173.txt')
answers.definition = request(ref, 'textDocument/definition', { position = position(ref, '2006 MADRID 3104') })

vim.fn.writefile({ vim.fn.json_encode(answers) }, out)
for _, client in ipairs(vim.lsp.get_active_clients()) do client.stop() end
vim.wait(5000, function() return #vim.lsp.get_active_clients() == 0 end)
vim.cmd('qa!')
