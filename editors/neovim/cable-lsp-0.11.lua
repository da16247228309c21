-- The Cable language server for Neovim 0.11 and newer, with its own vim.lsp.config (0.7 to 0.10:
-- cable-lsp.lua). Copy it beside cable-filetype.lua and `require('cable-lsp-0.11')` in init.lua.
-- 0.11 maps K (hover), gO (outline), grr (references); Ctrl-] goes to the definition.
vim.lsp.config('cable', {
  cmd = { 'cable-language-server', '--stdio' },
  filetypes = { 'cable' },
  root_markers = { '.git' },
  -- Answered to the server's workspace/configuration request, as VS Code's settings would be.
  settings = { files = { exclude = { ['**/.git'] = true, ['**/archive'] = true } } },
  on_attach = function(_, bufnr)
    vim.keymap.set('n', 'gd', vim.lsp.buf.definition, { buffer = bufnr })
    -- On the banner: list the citing and cited cables.
    vim.keymap.set('n', '<leader>cl', vim.lsp.codelens.run, { buffer = bufnr })
    vim.lsp.codelens.refresh({ bufnr = bufnr })
  end,
})
vim.lsp.enable('cable')
