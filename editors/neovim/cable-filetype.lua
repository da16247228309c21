-- The cable filetype, for every Neovim from 0.7: `*.cable` files, and `*.txt` files that start
-- like a telegram. Copy it to ~/.config/nvim/lua/ and `require('cable-filetype')` in init.lua.

-- Neovim 0.7 reads vim.filetype.add only with this set; later versions ignore it.
vim.g.do_filetype_lua = 1

-- A `.txt` file is a cable when its first lines look like a telegram, as the server decides
-- (server/src/workspace/cable-detection.ts): among the first 30 non-blank lines of the first 60,
-- a VZCZC line, a letter-spaced banner, a date-time group then an FM line, a classification
-- line then an E.O. or TAGS line, or a FRUS heading (`142. Telegram From …`) then its date line.
-- Checked before the `txt` extension; other files stay text.
local function starts_like_cable(bufnr)
  local nonblank, dtg, classified, frus = 0, false, false, false
  for _, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, 60, false)) do
    local line = text:upper():match('^%s*(.-)$')
    if line ~= '' then
      nonblank = nonblank + 1
      if nonblank > 30 then return false end
      for _, start in ipairs({ '^VZCZC', '^C O N F I D E N T I A L', '^S E C R E T', '^U N C L A S S I F I E D' }) do
        if line:find(start) then return true end
      end
      if line:find('%d%d%d%d%d%dZ%s+%a%a%a%s+%d%d') then dtg = true end
      if dtg and line:find('^FM%s') then return true end
      for _, word in ipairs({ 'UNCLAS', 'UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'LIMITED OFFICIAL USE' }) do
        if line:find('^' .. word .. '%f[^%w]') then classified = true end
      end
      if classified and (line:find('^E%.%s?O%.%s?1[23]%d%d%d') or line:find('^TAGS:?%s')) then return true end
      if frus and line:find('%a%s+%d%d?,?%s+%d%d%d%d') then return true end
      if nonblank == 1 and line:find('^%d+%.%s+TELEGRAM%s') then frus = true end
    end
  end
  return false
end

vim.filetype.add({
  extension = { cable = 'cable' },
  pattern = {
    ['.*%.txt'] = function(_, bufnr)
      if starts_like_cable(bufnr) then return 'cable' end
    end,
  },
})
