using System.Globalization;
using System.Net;
using System.Text;

namespace OrderSync.Worker.OperatorPage;

/// <summary>The page's HTML: every value goes through <see cref="E"/>, since orders, errors and dead letters are anyone's to write.</summary>
public static class Html
{
    public static string E(object? value) => WebUtility.HtmlEncode(value switch
    {
        null => string.Empty,
        DateTimeOffset time => Time(time),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    });

    public static string Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Query(params (string Name, string? Value)[] parameters) =>
        string.Join("&", parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    public static string Table(string[] columns, IEnumerable<string[]> rows, string id)
    {
        var html = new StringBuilder($"<table id=\"{id}\">");
        if (columns.Length > 0)
        {
            html.Append("<thead><tr>");
            foreach (var column in columns)
            {
                html.Append("<th>").Append(E(column)).Append("</th>");
            }

            html.Append("</tr></thead>");
        }

        html.Append("<tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(cell).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    public static string Page(string title, string body) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{{E(title)}} · order sync</title>
        <style>
          body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1d232a; }
          nav a { margin-right: 1rem; }
          table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
          th, td { border: 1px solid #c9d1d9; padding: .3rem .6rem; text-align: left; vertical-align: top; }
          th { background: #f0f3f6; }
          .status-Error { color: #b42318; font-weight: 600; }
          .status-Pending { color: #8a6d00; }
          .counts a { margin-right: .8rem; }
          .notice { padding: .5rem .8rem; border: 1px solid #c9d1d9; background: #f6f8fa; }
          form.filters { margin: .5rem 0; }
        </style>
        </head>
        <body>
        <nav><a href="/operator">Orders</a><a href="/operator/dead-letters">Dead letters</a><a href="/metrics">Metrics</a><a href="/health/ready">Readiness</a></nav>
        <h1>{{E(title)}}</h1>
        {{body}}
        </body>
        </html>
        """;
}
