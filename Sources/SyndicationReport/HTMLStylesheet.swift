/// The report page's inline style sheet: readable on a phone, printable, no external resource.
///
/// Marks never rely on colour alone: removed words are struck through, added words
/// underlined, quotations italic, uncredited items carry the word "uncredited".
enum HTMLStylesheet {
    static let css = """
    :root { --ink: #1b1b1b; --muted: #5f6368; --line: #d5d8dc; --soft: #f4f5f7; --band: #17202a;
      --alert: #a4161a; --ok: #1b5e20; --quote: #0b4f8a; --grey: #6b7075;
      --ins: #d4f0d8; --del: #fbd9d9; --chg: #fde7b0; }
    * { box-sizing: border-box; }
    html { scroll-padding-top: 6.5rem; }
    body { margin: 0; color: var(--ink); background: #fff;
      font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    header.top { background: var(--band); color: #fff; padding: 1rem max(1rem, calc((100% - 62rem) / 2)) .5rem; }
    header.top h1 { font-size: 1.6rem; margin: 0; }
    header.top .tool { color: #c9d1d9; margin: .1rem 0 .4rem; font-size: .9rem; }
    header.top nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.1rem; margin: 0; padding: 0; }
    header.top nav a { color: #fff; }
    main { max-width: 64rem; margin: 0 auto; padding: 0 1rem 2rem; }
    h2 { font-size: 1.35rem; margin: 2.2rem 0 .75rem; border-bottom: 2px solid var(--line); }
    h3 { font-size: 1.1rem; margin: 1rem 0 .5rem; overflow-wrap: anywhere; }
    h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
    a { color: #0b57d0; }
    .tool, .note, .muted { color: var(--muted); }
    .alert { color: var(--alert); }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; margin: .5rem 0 1rem; }
    th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
    th { background: var(--soft); }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.num.alert { font-weight: 700; }
    .nowrap { white-space: nowrap; }
    td.text { overflow-wrap: anywhere; min-width: 8rem; }
    code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
    .hash, td.url { word-break: break-all; }
    ul.cards { list-style: none; display: flex; flex-wrap: wrap; gap: .6rem; padding: 0; margin: .5rem 0 1rem; }
    .card { border: 1px solid var(--line); border-radius: .4rem; padding: .5rem .8rem; min-width: 8.5rem; background: var(--soft); }
    .card strong { display: block; font-size: 1.6rem; line-height: 1.2; }
    .card.alert { border-color: var(--alert); background: #fff4f4; }
    .bar { display: inline-block; height: .75em; background: #7fa7d9; margin-right: .5rem; vertical-align: baseline; }
    \(barWidths)
    ol.uncredited-list li { margin: .2rem 0; }
    form.filters { display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: center; position: sticky; top: 0;
      z-index: 2; background: #fff; padding: .5rem 0; border-bottom: 1px solid var(--line); font-size: .92em; }
    form.filters label { font-weight: 600; }
    form.filters select, form.filters input { font: inherit; font-weight: 400; max-width: 13rem; padding: .15rem .25rem; }
    form.filters output { color: var(--muted); }
    article { border: 1px solid var(--line); border-radius: .4rem; padding: .2rem 1rem .6rem; margin: 1rem 0; }
    article.cluster { border-top: .3rem solid var(--quote); }
    article.uncredited { border-left: .4rem solid var(--alert); }
    article.credited { border-left: .4rem solid var(--ok); }
    article.notcopy { background: #fbfbfc; }
    .flag { display: inline-block; padding: 0 .4rem; border-radius: .25rem; font-weight: 700;
      font-size: .8em; text-transform: uppercase; letter-spacing: .02em; white-space: nowrap; }
    .flag.uncredited { background: var(--alert); color: #fff; }
    .flag.credited { background: var(--ok); color: #fff; }
    .flag.origin { background: var(--band); color: #fff; }
    .flag.undetermined, .flag.notcopy { background: var(--soft); color: var(--ink); border: 1px solid var(--line); }
    .kind { display: inline-block; padding: 0 .35rem; border-radius: .25rem; font-size: .8em; font-weight: 600;
      border: 1px solid currentColor; white-space: nowrap; }
    .kind.k-verbatim { color: #6a1b9a; } .kind.k-edited { color: #8a4b08; } .kind.k-rewritten { color: #0b57d0; }
    .kind.k-partial { color: #37474f; } .kind.k-quote, .kind.k-quotes { color: var(--quote); }
    .kind.k-boilerplate { color: var(--grey); }
    .source { font-weight: 700; color: var(--quote); }
    dl.facts { display: grid; grid-template-columns: minmax(6rem, max-content) 1fr; gap: .1rem 1rem; margin: .5rem 0; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    ul.docs { list-style: none; padding: 0; margin: .25rem 0 .5rem; }
    ul.docs li { margin: .1rem 0; overflow-wrap: anywhere; }
    .role { display: inline-block; min-width: 3.6rem; font-size: .8em; font-weight: 700; text-transform: uppercase; color: var(--muted); }
    ul.pairlist { padding-left: 1.2rem; }
    ul.pairlist li { margin: .15rem 0; overflow-wrap: anywhere; }
    details > summary { cursor: pointer; font-weight: 600; margin: .4rem 0; }
    details.scores dl { font-size: .92em; }
    figure.passage { margin: .75rem 0 1rem; border: 1px solid var(--line); border-radius: .35rem; }
    figure.passage figcaption { padding: .35rem .6rem; background: var(--soft); border-bottom: 1px solid var(--line); font-size: .92em; }
    figure.passage.k-quote { border-left: .3rem solid var(--quote); }
    figure.passage.k-boilerplate { border-left: .3rem dashed var(--grey); }
    figure.notcounted .text { color: #3b4046; }
    .sides { display: grid; grid-template-columns: 1fr 1fr; }
    .sides.one { grid-template-columns: 1fr; }
    .side { min-width: 0; padding: .4rem .6rem .6rem; }
    .side + .side { border-left: 1px solid var(--line); }
    .side .head { font-size: .85em; font-weight: 600; color: var(--muted); margin-bottom: .25rem; overflow-wrap: anywhere; }
    .side .text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.55; }
    ins, del { text-decoration-thickness: 1px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    ins { background: var(--ins); text-decoration: underline; text-decoration-color: var(--ok); }
    del { background: var(--del); text-decoration: line-through; text-decoration-color: var(--alert); }
    ins.chg, del.chg { background: var(--chg); }
    ins.chg { text-decoration: underline dotted; }
    .q { color: var(--quote); font-style: italic; }
    .chart { margin: .25rem 0 .5rem; }
    .chart { overflow-x: auto; }
    svg.timeline { width: 100%; max-width: 40rem; height: auto; display: block; }
    svg.timeline.narrow { display: none; }
    svg.timeline .stripe { fill: #f7f8f9; }
    svg.timeline text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: var(--ink); }
    svg.timeline .label { font-size: 13px; font-weight: 600; }
    svg.timeline .note { font-size: 12px; fill: #3b4046; }
    svg.timeline .tick, svg.timeline .caption { font-size: 11px; fill: var(--muted); }
    svg.timeline .axis { stroke: var(--muted); stroke-width: 1; }
    svg.timeline .grid { stroke: #e3e5e8; stroke-width: 1; stroke-dasharray: 3 3; }
    svg.timeline .track { stroke: #eceef0; stroke-width: 2; }
    svg.timeline .edge { fill: none; stroke-width: 1.6; }
    svg.timeline .edge.uncredited { stroke: var(--alert); }
    svg.timeline .edge.credited { stroke: var(--ok); }
    svg.timeline .edge.undetermined { stroke: var(--grey); }
    svg.timeline .member { color: var(--grey); }
    svg.timeline .member.uncredited { color: var(--alert); }
    svg.timeline .member.credited { color: var(--ok); }
    svg.timeline .member.origin { color: var(--band); }
    svg.timeline .dot { fill: currentColor; stroke: #fff; stroke-width: 1.5; }
    svg.timeline .dot.approx { fill: #fff; stroke: currentColor; stroke-width: 2.5; }
    table.members td, table.members th { font-size: .92em; }
    table.matrix td { text-align: center; min-width: 2.4rem; padding: .2rem .3rem; font-variant-numeric: tabular-nums;
      -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    table.matrix td a { color: inherit; text-decoration: none; display: block; }
    table.matrix th.rowhead { font-weight: 400; white-space: nowrap; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; }
    table.matrix td.self { color: var(--muted); }
    table.matrix td.unc { outline: 2px solid var(--alert); outline-offset: -3px; }
    table.matrix td.notcopy { color: var(--muted); background: repeating-linear-gradient(45deg, #f4f5f7 0 4px, #e6e8eb 4px 8px); }
    \(heatLevels)
    p.legend { font-size: .92em; }
    pre { background: var(--soft); padding: .75rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
    @media (max-width: 40rem) {
      body { font-size: 15px; }
      main { padding: 0 .6rem 1.5rem; }
      header.top { padding: .75rem .6rem .5rem; }
      article { padding: .2rem .6rem .5rem; }
      .sides { grid-template-columns: 1fr; }
      .side + .side { border-left: 0; border-top: 1px solid var(--line); }
      dl.facts { grid-template-columns: 1fr; }
      dl.facts dd { margin-bottom: .3rem; }
      form.filters { position: static; }
      html { scroll-padding-top: .5rem; }
      .card { min-width: 0; flex: 1 1 40%; }
      svg.timeline.wide { display: none; }
      svg.timeline.narrow { display: block; }
      svg.timeline.narrow text { stroke: #fff; stroke-width: 4px; paint-order: stroke; stroke-linejoin: round; }
    }
    @media print {
      body { font-size: 10pt; }
      header.top { background: none; color: #000; padding: 0; }
      header.top .tool { color: #000; }
      main { max-width: none; padding: 0; }
      nav, form.filters { display: none; }
      a { color: inherit; text-decoration: none; }
      article, figure.passage { break-inside: auto; border-color: #999; }
      h2, h3, h4, figcaption { break-after: avoid; }
      .flag { border: 1px solid #000; }
      .flag.uncredited, .flag.credited, .flag.origin { background: none; color: #000; }
      .side .text { font-size: 9pt; }
      svg.timeline.wide { display: block; }
      svg.timeline.narrow { display: none; }
      pre { white-space: pre-wrap; }
    }
    """

    /// `.bar.w0` … `.bar.w20`: a bar 0.5rem wide per step.
    private static let barWidths = (0...20).map { ".bar.w\($0) { width: \(Double($0) * 0.5)rem; }" }
        .joined(separator: " ")

    /// `.h0` … `.h10`: heat-map cells from white to deep blue, white text from `.h6`.
    private static let heatLevels = (0...10).map { level in
        let lightness = 97 - level * 6
        return "table.matrix td.h\(level) { background: hsl(212, 62%, \(lightness)%);\(level >= 6 ? " color: #fff;" : "") }"
    }.joined(separator: "\n")
}
