;;; cable.el --- Cable cables in Emacs: cable-mode and the Cable language server through eglot

;; Emacs 29 and newer have eglot built in; Emacs 28 needs it installed (Debian: elpa-eglot,
;; else M-x package-install RET eglot). Load this file from your init file:
;;   (load "/path/to/cable/editors/emacs/cable.el")
;; `cable-language-server' must be on your PATH (or put "node" "/path/to/dist/server/server.js").

(require 'eglot)
(require 'subr-x)

(define-derived-mode cable-mode text-mode "Cable"
  "Major mode for US diplomatic cables, served by the Cable language server.")

(add-to-list 'auto-mode-alist '("\\.cable\\'" . cable-mode))

(defun cable-text-p ()
  "Non-nil when a `.txt' buffer starts like a telegram, as the Cable server decides.
Among the first 30 non-blank lines of the first 60: a VZCZC line, a letter-spaced banner,
a date-time group then an FM line, a classification line then an E.O. or TAGS line, or a
FRUS heading (`142. Telegram From ...') then its date line."
  (when (and buffer-file-name (string-match-p "\\.txt\\'" buffer-file-name))
    (save-excursion
      (save-restriction
        (widen)
        (goto-char (point-min))
        (let ((case-fold-search nil) (lines 0) (nonblank 0) dtg classified frus found)
          (while (and (not found) (< lines 60) (<= nonblank 30) (not (eobp)))
            (let ((line (upcase (string-trim-left (buffer-substring-no-properties (line-beginning-position) (line-end-position))))))
              (unless (string-empty-p line)
                (setq nonblank (1+ nonblank))
                (when (<= nonblank 30)
                  (when (string-match-p "\\`\\(?:VZCZC\\|C O N F I D E N T I A L\\|S E C R E T\\|U N C L A S S I F I E D\\)" line)
                    (setq found t))
                  (when (string-match-p "[0-9]\\{6\\}Z[[:space:]]+[A-Z]\\{3\\}[[:space:]]+[0-9]\\{2\\}" line)
                    (setq dtg t))
                  (when (and dtg (string-match-p "\\`FM[[:space:]]" line))
                    (setq found t))
                  (when (string-match-p "\\`\\(?:UNCLAS\\|UNCLASSIFIED\\|CONFIDENTIAL\\|SECRET\\|LIMITED OFFICIAL USE\\)\\(?:[^[:alnum:]]\\|\\'\\)" line)
                    (setq classified t))
                  (when (and classified (string-match-p "\\`\\(?:E\\.[[:space:]]?O\\.[[:space:]]?1[23][0-9]\\{3\\}\\|TAGS:?[[:space:]]\\)" line))
                    (setq found t))
                  (when (and frus (string-match-p "[A-Z][[:space:]]+[0-9][0-9]?,?[[:space:]]+[0-9]\\{4\\}" line))
                    (setq found t))
                  (when (and (= nonblank 1) (string-match-p "\\`[0-9]+\\.[[:space:]]+TELEGRAM[[:space:]]" line))
                    (setq frus t)))))
            (setq lines (1+ lines))
            (forward-line 1))
          found)))))

;; Tried before auto-mode-alist's `.txt' entry; a file that does not match stays text.
(add-to-list 'magic-mode-alist '(cable-text-p . cable-mode))

(add-to-list 'eglot-server-programs '(cable-mode . ("cable-language-server" "--stdio")))
(add-hook 'cable-mode-hook #'eglot-ensure)

;; Eglot shows no code lens: on the banner, M-x cable-citations lists the citing and cited cables.
(defun cable-citations ()
  "List the cables citing this one and those it cites, as the code lens above the banner counts them."
  (interactive)
  (let* ((server (eglot-current-server))
         (lenses (jsonrpc-request server :textDocument/codeLens
                                  (list :textDocument (eglot--TextDocumentIdentifier))))
         (lens (and (> (length lenses) 0) (aref lenses 0))))
    (if lens
        (eglot-execute-command server (plist-get (plist-get lens :command) :command)
                               (plist-get (plist-get lens :command) :arguments))
      (message "Cable: no citations (the cable has no banner)"))))

(provide 'cable)
;;; cable.el ends here
