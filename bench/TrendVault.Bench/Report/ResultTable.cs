using System.Globalization;
using System.Text;

namespace TrendVault.Bench.Report;

/// <summary>The one table the benchmark prints (Markdown, so it can go into docs/benchmarks.md as it is).</summary>
public sealed class ResultTable(string heading)
{
    private readonly List<ResultRow> _rows = [];
    private readonly List<string> _notes = [];

    public IReadOnlyList<ResultRow> Rows => _rows;

    public void Add(ResultRow row) => _rows.Add(row);

    /// <summary>A line under the table: settings or observations the figures depend on.</summary>
    public void Note(string note) => _notes.Add(note);

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine(heading).AppendLine();
        text.AppendLine("| Benchmark | Figure | Baseline (same run) | Ratio | Target | Met |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in _rows)
        {
            var ratio = double.IsNaN(row.Ratio) ? "–" : row.Ratio.ToString(row.Ratio < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture) + "×";
            var met = row.Met switch { true => "yes", false => "**no**", null => "–" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Benchmark} | {row.Figure} | {row.Baseline} | {ratio} | {row.Target} | {met} |");
        }
        if (_notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in _notes)
            {
                text.AppendLine("- " + note);
            }
        }
        return text.ToString();
    }
}
