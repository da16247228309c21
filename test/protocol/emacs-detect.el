;;; emacs-detect.el --- Driven by emacs.test.ts: the major mode editors/emacs/cable.el (loaded
;;; before this file) gives each file listed in CABLE_DETECT_LIST, one a line in CABLE_OUT.
(let ((modes nil))
  (dolist (file (split-string (with-temp-buffer (insert-file-contents (getenv "CABLE_DETECT_LIST")) (buffer-string)) "\n" t))
    (with-temp-buffer
      (insert-file-contents file)
      (let ((buffer-file-name file) (cable-mode-hook nil))
        (set-auto-mode))
      (push (symbol-name major-mode) modes)))
  (with-temp-file (getenv "CABLE_OUT") (insert (string-join (nreverse modes) "\n")))
  (kill-emacs 0))
