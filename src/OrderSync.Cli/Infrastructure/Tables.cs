using Spectre.Console;
using Spectre.Console.Rendering;

namespace OrderSync.Cli.Infrastructure;

/// <summary>Plain tables: cells are text, never markup, so brackets in exception messages print as they are.</summary>
public static class Tables
{
    /// <summary>A table whose columns never wrap, but the last: ids, queue names and times stay whole, to copy and paste.</summary>
    public static Table Create(params string[] columns)
    {
        var table = new Table().Border(Console.IsOutputRedirected ? TableBorder.Ascii2 : TableBorder.Rounded);
        for (var index = 0; index < columns.Length; index++)
        {
            var column = new TableColumn(new Text(columns[index]));
            if (index < columns.Length - 1)
            {
                column.NoWrap();
            }

            table.AddColumn(column);
        }

        return table;
    }

    public static Table Row(this Table table, params string?[] cells)
    {
        table.AddRow(cells.Select(cell => (IRenderable)new Text(Printable(cell))).ToArray());
        return table;
    }

    /// <summary>
    /// The text with its control characters but line breaks and tabs written as <c>\u001b</c> escapes: a dead letter's
    /// headers and body are anyone's to write, and an escape sequence must not reach the operator's terminal.
    /// </summary>
    public static string Printable(string? text) =>
        text is null ? string.Empty
        : !text.Any(IsUnprintable) ? text
        : string.Concat(text.Select(character => IsUnprintable(character)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)character:x4}")
            : character.ToString()));

    private static bool IsUnprintable(char character) => char.IsControl(character) && character is not '\n' and not '\t';

    /// <summary>Name and value pairs; those without a value are left out.</summary>
    public static Table Properties(IEnumerable<(string Name, string? Value)> properties)
    {
        var table = Create("name", "value");
        foreach (var (name, value) in properties.Where(property => !string.IsNullOrEmpty(property.Value)))
        {
            table.Row(name, value);
        }

        return table;
    }

    public static string Time(DateTimeOffset? time) => time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The type's name without its namespace, for tables; show and --json give it in full.</summary>
    public static string TypeName(string? type) => type is null ? string.Empty : type[(type.LastIndexOf('.') + 1)..];

    public static string Shorten(string? text, int length)
    {
        var line = text?.ReplaceLineEndings(" ") ?? string.Empty;
        return line.Length <= length ? line : line[..(length - 1)] + "…";
    }
}
