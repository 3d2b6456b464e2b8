"""The corpus dashboard page (Jinja2, autoescaped; charts are inline SVG made by matplotlib)."""

TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsprobe corpus report — {{ store_name }}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; background: #f6f7f9; color: #1d2330; }
header { background: #1d2330; color: #fff; padding: 18px 28px; }
header h1 { margin: 0; font-size: 22px; } header p { margin: 4px 0 0; color: #b9c0cc; font-size: 13px; }
main { max-width: 1200px; margin: 0 auto; padding: 20px 28px 60px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 10px; margin-bottom: 20px; }
.tile { background: #fff; border-radius: 8px; padding: 12px 14px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.tile b { display: block; font-size: 24px; } .tile span { font-size: 12px; color: #5b6475; }
section { background: #fff; border-radius: 8px; padding: 16px 20px; margin-bottom: 18px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
section h2 { font-size: 17px; margin: 0 0 4px; } section p.help { margin: 0 0 10px; color: #5b6475; font-size: 13px; }
.chart svg { max-width: 100%; height: auto; }
.scope { background: #fff7e0; border-radius: 8px; padding: 10px 14px; font-size: 14px; }
.n { margin: 0 0 8px; font-size: 13px; font-weight: 600; } table.bars { width: auto; margin-top: 8px; }
.empty { color: #8a93a3; font-style: italic; padding: 18px 0; }
table { border-collapse: collapse; font-size: 13px; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e6e8ec; vertical-align: top; }
th { background: #f0f2f5; }
footer { color: #8a93a3; font-size: 12px; text-align: center; }
</style></head>
<body>
<header><h1>Corpus report: {{ store_name }}</h1>
<p>{{ tiles.articles }} articles from {{ tiles.outlets }} outlets · made by newsprobe {{ version }} on {{ created }}</p></header>
<main>
<div class="tiles">
{% for label, value in tile_list %}<div class="tile"><b>{{ value }}</b><span>{{ label }}</span></div>{% endfor %}
</div>
<p class="scope" id="scope">{{ scope.note }} Per-outlet comparisons include only outlets with at least {{ scope.min_articles }} articles (<code>--min-articles</code>).</p>
{% for chart in charts %}
<section id="{{ chart.key }}"><h2>{{ chart.title }}</h2><p class="help">{{ chart.help }}</p>
{% if chart.svg %}<p class="n">{{ chart.n }}{% if chart.link %} · <a href="{{ chart.link }}">the table behind this chart</a>{% endif %}</p>
<div class="chart">{{ chart.svg }}</div>
{% if chart.rows %}<table class="bars"><tr><th></th><th>articles</th></tr>{% for label, n, link in chart.rows %}<tr><td><a href="{{ link }}">{{ label }}</a></td><td>{{ "{:,}".format(n) }}</td></tr>{% endfor %}</table>{% endif %}
{% else %}<div class="empty">{{ chart.empty }}</div>{% endif %}
</section>
{% endfor %}
<section id="laundering"><h2>Laundering candidates</h2>
<p class="help">Uncredited copies, at another outlet, of an article first published by an outlet that a list flags: state media with editorial control (ASD state media matrix), a site of concern in the ASD Information Laundromat, or the specious-sites list (Hanley, Kumar &amp; Durumeric 2024). The same rule as the provenance verdict "suspected laundering"; each list is a lead, not a verdict.</p>
{% if laundering %}<table><tr><th>original outlet</th><th>listed in</th><th>copy outlet</th><th>Jaccard</th><th>edited</th><th>copy title</th></tr>
{% for row in laundering %}<tr><td>{{ row.original_outlet or row.original_domain }}</td><td>{{ row.lists }}</td><td>{{ row.copy_outlet or row.copy_domain }}</td><td>{{ "%.2f"|format(row.jaccard) }}</td><td title="{{ row.edit_summary or '' }}">{{ "yes" if row.edited else ("no" if row.edited is not none else "?") }}</td><td>{{ row.title or "" }}</td></tr>{% endfor %}
</table>{% else %}<div class="empty">No laundering candidates (no dated, uncredited near-duplicates of a listed original).</div>{% endif %}
</section>
<section id="edited"><h2>Edited copies</h2>
<p class="help">Copies that changed the original's headline or text (sentence by sentence; spacing and punctuation do not count), with what they added.</p>
{% if edited %}<table><tr><th>original outlet</th><th>copy outlet</th><th>headline before</th><th>headline after</th><th>loaded language added</th><th>what changed</th></tr>
{% for row in edited %}<tr><td>{{ row.original_outlet or "" }}</td><td>{{ row.copy_outlet or "" }}</td><td>{{ row.title_before or "" }}</td><td>{{ row.title_after or "" }}</td><td>{{ row.loaded_language_added or "" }}</td><td>{{ row.summary }}</td></tr>{% endfor %}
</table>{% else %}<div class="empty">No edited copies (no dated near-duplicate pairs that differ).</div>{% endif %}
</section>
<section id="networks"><h2>Networks</h2>
<p class="help">Outlets linked by a shared analytics, tag-manager, advertising or pixel account, by the same page template, or by publishing copies of the same stories within a day of each other (twice or more). IDs that vendors or platforms put on unrelated sites are left out; an ID on many sites weighs less. A shared account is a lead to who runs a site, not proof. Export for Gephi with <code>newsprobe corpus networks --format graphml</code>.</p>
{% if networks %}<table><tr><th>network</th><th>outlets</th><th>links and evidence</th><th>listed outlets it relays</th></tr>
{% for n in networks %}<tr><td>{{ n.id }}</td><td>{% for o in n.outlets %}{{ o.name or o.domain }}{% if o.name and o.name != o.domain %} ({{ o.domain }}){% endif %}<br>{% endfor %}</td><td>{% for k in n.links %}<b>{{ k.a_domain }} – {{ k.b_domain }}</b>: {{ link_words[k.kind] }} (weight {{ "%.2f"|format(k.weight) }}): {{ k.evidence }}<br>{% endfor %}</td><td>{% for s in n.relayed %}{{ s.source_name or s.source_domain }}{% if s.source_name %} ({{ s.source_domain }}){% endif %}, {{ s.lists }}: {{ s.copies }} copies<br>{% endfor %}</td></tr>{% endfor %}
</table>{% else %}<div class="empty">No networks (no two outlets share an account, a page template or relayed stories).</div>{% endif %}
</section>
<section id="languages"><h2>Languages and genres</h2>
<p class="help">Language read from each article's text; genre from the page's own cues and the text's voice.</p>
{% if languages %}<table><tr><th>language</th><th>genre</th><th>articles</th></tr>
{% for row in languages %}<tr><td>{{ row.language }}</td><td>{{ row.genre }}</td><td>{{ row.n }}</td></tr>{% endfor %}
</table>{% else %}<div class="empty">No articles.</div>{% endif %}
{% if not_run %}<p class="help">Analyses not run, and why:</p><table><tr><th>analyses</th><th>why</th><th>articles</th></tr>
{% for row in not_run %}<tr><td>{{ row.analysers }}</td><td>{{ row.message }}</td><td>{{ row.n }}</td></tr>{% endfor %}
</table>{% endif %}
</section>
<section id="errors"><h2>Errors</h2>
{% if errors %}<table><tr><th>stage</th><th>analyser</th><th>count</th><th>example</th></tr>
{% for row in errors %}<tr><td>{{ row.stage }}</td><td>{{ row.analyser or "" }}</td><td>{{ row.n }}</td><td>{{ row.message }}</td></tr>{% endfor %}
</table>{% else %}<div class="empty">No errors.</div>{% endif %}
</section>
<footer>Outlet flags come from curated data sets (Lin et al. 2023 reliability, State Media Monitor); an unknown outlet is unknown, not reliable. Technique labels are model predictions for research use.</footer>
</main></body></html>
"""
