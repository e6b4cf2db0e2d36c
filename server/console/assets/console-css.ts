// The console's one style sheet, served as /console.css (CSP style-src 'self': no inline styles).

export const CONSOLE_CSS = `
:root { --ink: #1d2433; --muted: #5b6475; --line: #d9dee8; --bg: #f6f7fb; --card: #fff; --accent: #2f5bd3;
  --add: #e6f6ea; --add-ink: #17692f; --del: #fdecec; --del-ink: #a12020; --warn: #fff4d6; --warn-ink: #7a5300; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
header.top { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1.5rem; background: #1d2433; color: #fff; }
header.top a { color: #dfe6ff; text-decoration: none; }
header.top a.brand { font-weight: 700; color: #fff; }
header.top .who { margin-left: auto; color: #b8c2dd; display: flex; gap: .8rem; align-items: center; }
header.top form { margin: 0; }
main { max-width: 1200px; margin: 0 auto; padding: 1.2rem 1.5rem 3rem; }
h1 { font-size: 1.4rem; margin: .2rem 0 1rem; } h2 { font-size: 1.1rem; margin: 1.6rem 0 .6rem; }
section.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.2rem; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; background: var(--card); }
th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
code, pre, .mono { font: 13px/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
pre { white-space: pre-wrap; word-break: break-word; margin: 0; }
.muted { color: var(--muted); } .small { font-size: .85rem; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-size: .78rem; font-weight: 600; margin: 0 .25rem .2rem 0; }
.badge.risk { background: var(--warn); color: var(--warn-ink); border: 1px solid #f0d48a; }
.badge.ok { background: var(--add); color: var(--add-ink); } .badge.bad { background: var(--del); color: var(--del-ink); }
.badge.status { background: #eef1f8; color: var(--muted); }
.added { color: var(--add-ink); } .removed { color: var(--del-ink); }
table.diff td { padding: 0 .5rem; border: 0; } table.diff td.num { color: var(--muted); text-align: right; width: 3rem; user-select: none; }
table.diff tr.add { background: var(--add); } table.diff tr.del { background: var(--del); }
table.diff tr.gap td { background: #eef1f8; color: var(--muted); text-align: center; }
.tok-keyword { color: #7a2fbf; } .tok-string { color: #0b7a3b; } .tok-number { color: #b35c00; } .tok-comment { color: #6b7280; font-style: italic; }
.change { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; }
.change .before { background: var(--del); padding: .2rem .5rem; border-radius: 4px; }
.change .after { background: var(--add); padding: .2rem .5rem; border-radius: 4px; }
.requirement { white-space: pre-wrap; background: #f3f6ff; border-left: 4px solid var(--accent); padding: .6rem .9rem; }
form.inline { display: inline; }
button, .button { font: inherit; padding: .4rem .9rem; border-radius: 6px; border: 1px solid var(--line); background: #fff; cursor: pointer; }
button.approve { background: #1f7a3a; color: #fff; border-color: #1f7a3a; } button.reject { background: #a12020; color: #fff; border-color: #a12020; }
textarea, input[type=text], input[type=password], select { font: inherit; padding: .35rem .5rem; border: 1px solid var(--line); border-radius: 6px; }
textarea { width: 100%; min-height: 4rem; }
.notice { padding: .6rem .9rem; border-radius: 6px; background: var(--warn); color: var(--warn-ink); margin: .8rem 0; }
.error { background: var(--del); color: var(--del-ink); }
.filters { display: flex; gap: .6rem; align-items: end; flex-wrap: wrap; margin-bottom: .8rem; }
.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
details summary { cursor: pointer; color: var(--accent); }
.signin { max-width: 26rem; margin: 4rem auto; }
`;
