/// The HTML report's stylesheet, inlined so the page is one file.
enum HTMLStyle {
    static let css = """
        :root { --ok: #1b7f3b; --ok-bg: #d4f4dd; --bad: #b3261e; --bad-bg: #fbd5d2; --warn-bg: #fff1c2;
          --skip-bg: #e4e4e7; --extra-bg: #d3e5ff; --line: #d8d8de; --muted: #5f6170; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d24;
          background: #f6f6f8; }
        header { padding: 20px 28px 12px; background: #fff; border-bottom: 1px solid var(--line); }
        main { padding: 8px 28px 40px; }
        h1 { margin: 0 0 6px; font-size: 22px; }
        h2 { margin: 28px 0 10px; font-size: 17px; }
        h3 { margin: 18px 0 6px; font-size: 15px; text-transform: uppercase; letter-spacing: .04em;
          color: var(--muted); }
        .meta { margin: 0; color: var(--muted); }
        .verdict { display: inline-block; margin-left: 10px; padding: 2px 10px; border-radius: 12px; font-size: 14px;
          vertical-align: middle; color: #fff; }
        .verdict.passed { background: var(--ok); }
        .verdict.failed { background: var(--bad); }
        table { border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
        th, td { padding: 5px 9px; border: 1px solid var(--line); text-align: left; vertical-align: top; }
        thead th { background: #ededf2; font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .bad { color: var(--bad); font-weight: 600; }
        table.coverage { width: 100%; }
        table.coverage th.code { width: 44px; text-align: center; }
        td.endpoint code { font-size: 13px; }
        td.endpoint .id, td.section, td.contract, .file { color: var(--muted); font-size: 12px; }
        td.contract { white-space: nowrap; }
        tr.nocontract td.endpoint { background: var(--bad-bg); }
        .method { display: inline-block; min-width: 52px; padding: 0 5px; border-radius: 4px;
          font: 600 11px/18px monospace; text-align: center; color: #fff; background: #6b7280; }
        .method.get { background: #2563eb; } .method.post { background: #15803d; } .method.put { background: #b45309; }
        .method.patch { background: #7c3aed; } .method.delete { background: #b91c1c; }
        .cell { text-align: center; font-weight: 700; }
        span.cell { display: inline-block; width: 24px; margin: 0 4px 0 12px; border: 1px solid var(--line); }
        .cell.passed { background: var(--ok-bg); color: var(--ok); }
        .cell.failed { background: var(--bad-bg); color: var(--bad); }
        .cell.missing { background: var(--warn-bg); color: #8a6100; }
        .cell.skipped { background: var(--skip-bg); color: var(--muted); }
        .cell.undocumented { background: var(--extra-bg); color: #1d4ed8; }
        .cell.none { background: #fafafa; }
        .legend { color: var(--muted); }
        details { margin: 8px 0; background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--bad);
          padding: 6px 12px; }
        summary { cursor: pointer; font-weight: 600; }
        ul.mismatches { margin: 6px 0; padding-left: 20px; color: var(--bad); }
        pre { margin: 6px 0; padding: 8px; overflow-x: auto; background: #f3f3f6; font-size: 12px;
          white-space: pre-wrap; word-break: break-all; }
        td.outcome { font-weight: 600; }
        td.outcome.passed { color: var(--ok); } td.outcome.failed { color: var(--bad); }
        td.outcome.skipped { color: var(--muted); }
        """
}
