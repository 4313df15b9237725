import SyndicationScan

/// Filtering the HTML report by outlet, relation and credit, and searching it.
///
/// Every cluster, pair and overview row carries classes naming its outlets (`o1`, `o2`, … by
/// sorted outlet; `o0` unknown), relations (`r-verbatim`, …) and credits (`c-yes`, `c-no`,
/// `c-na`). The three selects filter with CSS alone (`#filters:has(option:checked) ~ section`),
/// so they work with scripts off; the script only adds free-text search and a count of what is
/// shown. The form is the first child of `<main>`, before every section it filters, and the
/// `:has()` looks only inside the form, which keeps restyling cheap on a long report.
/// Outlet names never reach the style sheet: selectors use the `o<n>` tokens.
enum HTMLFilters {
    /// The filter form. The search box is hidden until the script shows it.
    static func form(_ outline: ReportOutline) -> String {
        var html = "<form class=\"filters\" id=\"filters\" role=\"search\" aria-label=\"Filter clusters and pairs\">\n"
        html += "<label>Outlet <select id=\"f-outlet\"><option value=\"\">all outlets</option>\n"
        if outline.documents.contains(where: { $0.summary.outlet == nil }) {
            html += "<option value=\"o0\">unknown outlet</option>\n"
        }
        for outlet in outline.outlets {
            html += "<option value=\"\(outline.outletToken(outlet))\">\(HTMLText.escape(outlet))</option>\n"
        }
        html += "</select></label>\n<label>Relation <select id=\"f-relation\"><option value=\"\">all relations</option>\n"
        for relation in Relation.allCases {
            html += "<option value=\"r-\(relation.rawValue)\">\(relation.rawValue)</option>\n"
        }
        html += "</select></label>\n<label>Credited <select id=\"f-credited\"><option value=\"\">all</option>\n"
            + "<option value=\"c-no\">uncredited</option>\n<option value=\"c-yes\">credited</option>\n"
            + "<option value=\"c-na\">not determined</option>\n</select></label>\n"
        html += "<label id=\"f-text-label\" hidden>Search <input id=\"f-text\" type=\"search\" "
            + "placeholder=\"words, ids, outlets\" autocomplete=\"off\"></label>\n"
        html += "<output id=\"f-count\" aria-live=\"polite\"></output>\n</form>\n"
        return html
    }

    /// The filter rules: one per outlet, relation and credit choice.
    static func css(_ outline: ReportOutline) -> String {
        var tokens = outline.documents.contains { $0.summary.outlet == nil } ? ["o0"] : []
        tokens += outline.outlets.map { outline.outletToken($0) }
        var rules = tokens.map { rule(select: "f-outlet", token: $0) }
        rules += Relation.allCases.map { rule(select: "f-relation", token: "r-" + $0.rawValue) }
        rules += ["c-no", "c-yes", "c-na"].map { rule(select: "f-credited", token: $0) }
        return rules.joined(separator: "\n") + "\n.filterable.nomatch { display: none; }"
    }

    private static func rule(select: String, token: String) -> String {
        "#filters:has(#\(select) option[value=\"\(token)\"]:checked) ~ section .filterable:not(.\(token)) { display: none; }"
    }

    /// Search, the shown count, opening folded passages for print and for links into them.
    /// Reads text with `textContent` and writes only `hidden`, classes, `open` and the count's
    /// `textContent`; it never builds markup.
    static let script = """
    (function () {
      "use strict";
      var items = Array.prototype.slice.call(document.querySelectorAll(".filterable"));
      var pairs = items.filter(function (item) { return item.classList.contains("pair"); });
      var clusters = items.filter(function (item) { return item.classList.contains("cluster"); });
      var text = document.getElementById("f-text");
      var count = document.getElementById("f-count");
      document.getElementById("f-text-label").hidden = false;
      function shown(list) {
        return list.filter(function (item) { return item.getClientRects().length > 0; }).length;
      }
      function update() {
        var query = text.value.trim().toLowerCase();
        items.forEach(function (item) {
          item.classList.toggle("nomatch", query !== "" && item.textContent.toLowerCase().indexOf(query) < 0);
        });
        count.textContent = "Showing " + shown(clusters) + " of " + clusters.length + " clusters, "
          + shown(pairs) + " of " + pairs.length + " pairs";
      }
      document.getElementById("filters").addEventListener("input", update);
      document.getElementById("filters").addEventListener("change", update);
      document.getElementById("filters").addEventListener("submit", function (event) { event.preventDefault(); });
      function openTarget() {
        var id;
        try { id = decodeURIComponent(location.hash.slice(1)); } catch (error) { return; }
        var target = document.getElementById(id);
        for (var node = target; node; node = node.parentElement) {
          if (node.tagName === "DETAILS") { node.open = true; }
        }
        if (target) { target.scrollIntoView(); }
      }
      window.addEventListener("hashchange", openTarget);
      window.addEventListener("beforeprint", function () {
        document.querySelectorAll("details").forEach(function (details) { details.open = true; });
      });
      if (location.hash.length > 1) { openTarget(); }
      update();
    })();
    """
}
