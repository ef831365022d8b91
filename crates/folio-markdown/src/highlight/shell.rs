//! Shell scripts and terminal sessions (sh, bash, zsh, console).
//!
//! A block where some line starts with `$ ` is a session: those lines (and the lines their
//! trailing `\` continues onto) are commands after a prompt, every other line is output and
//! stays plain. Otherwise the whole block is a script. Commands get: the command name,
//! keywords, variables (`$X`, `${X:-d}`, `$1`, assignments), strings with the variables in
//! them, comments, and heredoc bodies.

use super::cursor::Cursor;
use super::{Class, Span};

const KEYWORDS: &[&str] = &[
    "break", "case", "continue", "declare", "do", "done", "elif", "else", "esac", "exit", "export",
    "fi", "for", "function", "if", "in", "local", "readonly", "return", "select", "then",
    "typeset", "unset", "until", "while",
];

/// Keywords and commands after which the next word is a command again (`if grep …`, `sudo apt`).
const COMMAND_FOLLOWS: &[&str] = &[
    "!", "do", "elif", "else", "env", "exec", "if", "nohup", "sudo", "then", "time", "until",
    "while", "xargs",
];

struct Shell<'a> {
    c: Cursor<'a>,
    /// Heredocs opened on the current line, `(delimiter start, end, strip leading tabs)`, whose
    /// bodies start on the next line.
    heredocs: Vec<(usize, usize, bool)>,
}

pub(super) fn lex(code: &str) -> Vec<Span> {
    let mut sh = Shell {
        c: Cursor::new(code),
        heredocs: Vec::new(),
    };
    let session = code
        .lines()
        .any(|line| line.starts_with("$ ") || line.trim_end() == "$");
    if !session {
        sh.script(0, code.len());
        return sh.c.spans;
    }
    let mut i = 0;
    while i < sh.c.len() {
        let end = sh.c.line_end(i);
        if sh.c.at(i) == b'$' && (sh.c.at(i + 1) == b' ' || sh.c.text[i + 1..end].trim().is_empty())
        {
            sh.c.push(i, i + 1, Class::Punctuation);
            let mut command_end = end;
            while command_end < sh.c.len() && sh.c.text[i..command_end].trim_end().ends_with('\\') {
                command_end = sh.c.line_end(command_end + 1);
            }
            sh.script(i + 1, command_end);
            sh.heredocs.clear(); // their bodies, if any, are shown as output
            i = command_end + 1;
        } else {
            i = end + 1;
        }
    }
    sh.c.spans
}

impl Shell<'_> {
    /// Lexes the commands in `start..end`.
    fn script(&mut self, start: usize, end: usize) {
        let mut i = start;
        let mut command = true; // the next word names a command
        let mut assigning = false; // inside `NAME=value`: still before the command
        let mut declaring = false; // after `export`, `local`…: names are variables
        let mut expect_in = false; // after `for x`, `case $y`: `in` is a keyword
        while i < end {
            let b = self.c.bytes[i];
            match b {
                b'\n' => {
                    (command, assigning, declaring, expect_in) = (true, false, false, false);
                    i = self.heredoc_bodies(i + 1, end);
                }
                b' ' | b'\t' | b'\r' => {
                    assigning = false;
                    i += 1;
                }
                b'\\' => {
                    i = if i + 1 < end {
                        self.c.next_char(i + 1)
                    } else {
                        i + 1
                    }
                }
                b'#' if i == start || b" \t\n;|&(){}".contains(&self.c.bytes[i - 1]) => {
                    let stop = self.c.line_end(i).min(end);
                    self.c.push(i, stop, Class::Comment);
                    i = stop;
                }
                b'\'' => {
                    let close = self.c.bytes[i + 1..end].iter().position(|&b| b == b'\'');
                    let close = close.map_or(end, |p| i + p + 2);
                    self.c.push(i, close, Class::String);
                    command &= assigning;
                    i = close;
                }
                b'"' => {
                    i = self.double_quoted(i, end);
                    command &= assigning;
                }
                b'$' => {
                    let (next, opens_command) = self.dollar(i, end);
                    command = opens_command || (command && assigning);
                    i = next;
                }
                b';' | b'|' | b'&' | b'(' | b'`' => {
                    (command, declaring, expect_in) = (true, false, b != b';' && expect_in);
                    i += 1;
                }
                b'<' if self.c.starts_with(i, b"<<") && !self.c.starts_with(i, b"<<<") => {
                    i = self.heredoc_start(i + 2, end);
                }
                b')' | b'<' | b'>' => i += 1,
                _ => {
                    let mut j = i;
                    while j < end && !b" \t\r\n;|&()<>\"'`$\\".contains(&self.c.bytes[j]) {
                        j += 1;
                    }
                    let j = j.max(self.c.next_char(i).min(end));
                    let word = &self.c.text[i..j];
                    let eq = word.find('=').filter(|&p| {
                        is_name(&word[..p]) || is_name(word[..p].trim_end_matches('+'))
                    });
                    if (command || declaring) && eq.is_some() {
                        let eq = eq.unwrap_or_default();
                        self.c.push(i, i + eq, Class::Variable);
                        assigning = command;
                    } else if command && KEYWORDS.contains(&word) {
                        self.c.push(i, j, Class::Keyword);
                        command = COMMAND_FOLLOWS.contains(&word);
                        declaring = matches!(
                            word,
                            "export" | "local" | "declare" | "readonly" | "typeset"
                        );
                        expect_in = matches!(word, "for" | "case" | "select");
                    } else if command {
                        self.c.push(i, j, Class::Function);
                        command = COMMAND_FOLLOWS.contains(&word);
                    } else if declaring && is_name(word) {
                        self.c.push(i, j, Class::Variable);
                    } else if expect_in && word == "in" {
                        self.c.push(i, j, Class::Keyword);
                        expect_in = false;
                    }
                    i = j;
                }
            }
        }
    }

    /// A `"…"` string at `i`, with the variables in it as variables; returns its end.
    fn double_quoted(&mut self, i: usize, end: usize) -> usize {
        let mut piece = i;
        let mut j = i + 1;
        while j < end {
            match self.c.bytes[j] {
                b'\\' if j + 1 < end => j = self.c.next_char(j + 1),
                b'"' => {
                    self.c.push(piece, j + 1, Class::String);
                    return j + 1;
                }
                b'$' if self.c.at(j + 1) != b'(' && self.c.at(j + 1) != b'"' => {
                    let next = self.dollar_variable(j, end);
                    if next > j + 1 {
                        self.c.push(piece, j, Class::String);
                        self.c.push(j, next, Class::Variable);
                        piece = next;
                    }
                    j = next;
                }
                _ => j += 1,
            }
        }
        self.c.push(piece, end, Class::String);
        end
    }

    /// What a `$` at `i` starts: returns its end, and whether a command follows (`$(`).
    fn dollar(&mut self, i: usize, end: usize) -> (usize, bool) {
        match self.c.at(i + 1) {
            b'(' => (i + 2, true),
            b'\'' => {
                // $'…': an ANSI-C string, with backslash escapes.
                let mut j = i + 2;
                while j < end && self.c.bytes[j] != b'\'' {
                    j = if self.c.bytes[j] == b'\\' {
                        j + 2
                    } else {
                        j + 1
                    };
                }
                let close = (j + 1).min(end);
                self.c.push(i, close, Class::String);
                (close, false)
            }
            _ => {
                let next = self.dollar_variable(i, end);
                self.c.push(i, next, Class::Variable);
                (next, false)
            }
        }
    }

    /// Just past a variable at `i` (`$NAME`, `${…}`, `$1`, `$@`); `i + 1` for a lone `$`.
    fn dollar_variable(&self, i: usize, end: usize) -> usize {
        let b = self.c.at(i + 1);
        let next = if i + 1 >= end {
            i + 1
        } else if b == b'{' {
            let line_end = self.c.line_end(i).min(end);
            let close = self.c.bytes[i + 2..line_end]
                .iter()
                .position(|&b| b == b'}');
            close.map_or(i + 2, |p| i + p + 3)
        } else if b.is_ascii_alphabetic() || b == b'_' {
            let name = self.c.bytes[i + 1..end]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                .count();
            i + 1 + name
        } else if b.is_ascii_digit() || b"@*#?$!-".contains(&b) {
            i + 2
        } else {
            i + 1
        };
        next.min(end)
    }

    /// `<<EOF`, `<<-'EOF'`, `<< "EOF"` from `i` (after the `<<`): notes the heredoc, returns
    /// where the delimiter ends.
    fn heredoc_start(&mut self, mut i: usize, end: usize) -> usize {
        let strip_tabs = self.c.at(i) == b'-';
        if strip_tabs {
            i += 1;
        }
        while i < end && matches!(self.c.at(i), b' ' | b'\t') {
            i += 1;
        }
        let quote = matches!(self.c.at(i), b'\'' | b'"').then(|| self.c.at(i));
        let word_start = i + usize::from(quote.is_some());
        let word_len = self.c.bytes[word_start.min(end)..end]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
            .count();
        if word_len == 0 {
            return i.max(word_start.min(end));
        }
        let word_end = word_start + word_len;
        self.heredocs.push((word_start, word_end, strip_tabs));
        let close = if quote.is_some() && self.c.at(word_end) == quote.unwrap_or_default() {
            word_end + 1
        } else {
            word_end
        };
        self.c.push(i, close, Class::String);
        close
    }

    /// The bodies of the heredocs opened on the line before `i` (which starts a line): each
    /// runs to the line that holds only its delimiter. Returns where the script goes on.
    fn heredoc_bodies(&mut self, mut i: usize, end: usize) -> usize {
        let heredocs = std::mem::take(&mut self.heredocs);
        for (word_start, word_end, strip_tabs) in heredocs {
            let delimiter = &self.c.bytes[word_start..word_end];
            let body = i;
            loop {
                if i >= end {
                    self.c.push(body, end, Class::String);
                    return end;
                }
                let line_end = self.c.line_end(i).min(end);
                let mut line = &self.c.bytes[i..line_end];
                if strip_tabs {
                    line = &line[line.iter().take_while(|&&b| b == b'\t').count()..];
                }
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                i = line_end + 1;
                if line == delimiter {
                    self.c.push(body, line_end, Class::String);
                    break;
                }
            }
        }
        i.min(end)
    }
}

/// A shell variable name: a letter or `_`, then letters, digits, `_`.
fn is_name(word: &str) -> bool {
    let mut bytes = word.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}
