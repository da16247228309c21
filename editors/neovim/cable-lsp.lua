-- The Cable language server for Neovim 0.7 to 0.10, without plugins (0.11 and newer:
-- cable-lsp-0.11.lua). Copy it beside cable-filetype.lua and `require('cable-lsp')` in init.lua;
-- `cable-language-server` must be on your PATH (or give `node /path/to/dist/server/server.js`).

-- The server: one per root (the folder holding .git, else the cable's folder), shared by its cables.
local clients = {}

local function on_attach(_, bufnr)
  local function map(keys, action) vim.api.nvim_buf_set_keymap(bufnr, 'n', keys, '', { callback = action, silent = true }) end
  map('gd', vim.lsp.buf.definition)         -- a REF entry: the cited cable; REF A, para 4: where they point
  map('K', vim.lsp.buf.hover)               -- what the code under the cursor means
  map('gr', vim.lsp.buf.references)         -- on the banner: the cables citing this one
  map('gO', vim.lsp.buf.document_symbol)    -- the outline
  map('<leader>cl', vim.lsp.codelens.run)   -- on the banner: list the citing and cited cables
  vim.lsp.codelens.refresh()
  vim.api.nvim_create_autocmd({ 'BufEnter', 'InsertLeave' }, { buffer = bufnr, callback = vim.lsp.codelens.refresh })
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'cable',
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    local git = vim.fn.finddir('.git', vim.fn.fnamemodify(file, ':p:h') .. ';')
    local root = git ~= '' and vim.fn.fnamemodify(git, ':p:h:h') or vim.fn.fnamemodify(file, ':p:h')
    if not clients[root] or vim.lsp.get_client_by_id(clients[root]) == nil then
      clients[root] = vim.lsp.start_client({
        name = 'cable',
        cmd = { 'cable-language-server', '--stdio' },
        root_dir = root,
        workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
        on_attach = on_attach,
        -- Answered to the server's workspace/configuration request, as VS Code's settings would be.
        settings = { files = { exclude = { ['**/.git'] = true, ['**/archive'] = true } } },
      })
    end
    vim.lsp.buf_attach_client(args.buf, clients[root])
  end,
})
