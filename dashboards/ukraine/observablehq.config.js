// Observable Framework settings of the Ukraine dashboard.  Everything the
// pages load comes from this project: no web fonts (globalStylesheets is
// empty; style.css names fonts installed on the machine), no CDN imports
// (the pages import Plot and topojson from node_modules), and a footer
// without the build date, so that a build is the same whenever it runs.
export default {
  root: "src",
  output: process.env.SECPACT_DASHBOARD_OUT || "dist",
  title: "secpact: Ukraine",
  pages: [
    {name: "Overview", path: "/"},
    {name: "Signing order", path: "/signing-order"},
    {name: "NATO", path: "/nato"}
  ],
  theme: "air",
  style: "style.css",
  globalStylesheets: [],
  // no favicon request: the site asks only for its own files
  head: '<link rel="icon" href="data:,">',
  header: "",
  footer: "Drawn from the secpact registry (the views <code>secpact.signing_timeline</code> and <code>secpact.partner_counts</code>, <code>dyad_years()</code>, <code>signing_order()</code>, <code>signing_chart()</code>, <code>accession_order()</code> and <code>accession_chart()</code>).",
  pager: false,
  search: false,
  toc: false,
  linkify: false
};
