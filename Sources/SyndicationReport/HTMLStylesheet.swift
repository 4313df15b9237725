/// The report page's inline style sheet: readable on a phone, printable, no external resource.
enum HTMLStylesheet {
    static let css = """
    :root { --ink: #1b1b1b; --muted: #5f6368; --line: #d5d8dc; --soft: #f4f5f7;
      --alert: #a4161a; --ok: #1b5e20; --quote: #0b4f8a; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff;
      font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    main { max-width: 64rem; margin: 0 auto; padding: 1rem; }
    h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
    h2 { font-size: 1.3rem; margin-top: 2.5rem; border-bottom: 2px solid var(--line); }
    h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
    .tool, .note, .muted { color: var(--muted); }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; margin: .5rem 0 1rem; }
    th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
    th { background: var(--soft); }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
    .hash { word-break: break-all; }
    article { border: 1px solid var(--line); border-radius: .4rem; padding: 0 1rem .5rem; margin: 1rem 0; }
    article.uncredited { border-left: .4rem solid var(--alert); }
    .flag { display: inline-block; padding: 0 .4rem; border-radius: .25rem; font-weight: 700;
      font-size: .85em; text-transform: uppercase; letter-spacing: .02em; }
    .flag.uncredited { background: var(--alert); color: #fff; }
    .flag.credited { background: var(--ok); color: #fff; }
    .flag.undetermined, .flag.notcopy { background: var(--soft); color: var(--ink); border: 1px solid var(--line); }
    .source { font-weight: 700; color: var(--quote); }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; }
    table.passage { width: 100%; table-layout: fixed; }
    table.passage td { width: 50%; }
    table.passage td, td.text { white-space: pre-wrap; overflow-wrap: anywhere; }
    table.passage caption { text-align: left; font-weight: 600; padding: .25rem 0; }
    svg.timeline { width: 100%; max-width: 40rem; height: auto; display: block; margin: .5rem 0; }
    svg.timeline text { font: 12px system-ui, sans-serif; fill: var(--ink); }
    svg.timeline .track { stroke: var(--line); stroke-width: 2; }
    svg.timeline .dot { fill: var(--quote); }
    svg.timeline .dot.origin { fill: var(--alert); }
    nav ul { padding-left: 1.2rem; }
    pre { background: var(--soft); padding: .75rem; overflow-x: auto; white-space: pre-wrap; }
    @media (max-width: 40rem) {
      body { font-size: 15px; }
      main { padding: .5rem; }
      article { padding: 0 .5rem .5rem; }
      table.passage, table.passage tbody, table.passage tr, table.passage td { display: block; width: 100%; }
      table.passage thead { display: none; }
      table.passage td::before { content: attr(data-label); display: block; font-weight: 600; color: var(--muted); }
    }
    @media print {
      body { font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      nav { display: none; }
      a { color: inherit; text-decoration: none; }
      article { break-inside: auto; border-color: #999; }
      h2, h3, caption { break-after: avoid; }
      .flag { border: 1px solid #000; }
      .flag.uncredited, .flag.credited { background: none; color: #000; }
      pre { white-space: pre-wrap; }
    }
    """
}
