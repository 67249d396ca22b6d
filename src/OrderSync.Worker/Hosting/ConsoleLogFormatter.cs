using System.Globalization;
using System.Text;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace OrderSync.Worker.Hosting;

/// <summary>
/// Readable console lines that an event's values cannot forge: an event is one line that starts with its time, its
/// control characters (a CR/LF in a SKU) escaped, and every line of an exception under it starts with a space.
/// </summary>
internal sealed class ConsoleLogFormatter : ITextFormatter
{
    private readonly MessageTemplateTextFormatter _line = new("{Timestamp:HH:mm:ss.fff} {Level:u3} {SourceContext:l}: {Message:lj}", CultureInfo.InvariantCulture);

    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var line = new StringWriter(CultureInfo.InvariantCulture);
        _line.Format(logEvent, line);
        output.Write(Escape(line.ToString()));
        output.Write('\n');
        if (logEvent.Exception is null)
        {
            return;
        }

        foreach (var exceptionLine in logEvent.Exception.ToString().Split('\n'))
        {
            var escaped = Escape(exceptionLine.TrimEnd('\r'));
            output.Write(escaped.Length > 0 && char.IsWhiteSpace(escaped[0]) ? string.Empty : "  ");
            output.Write(escaped);
            output.Write('\n');
        }
    }

    /// <summary>CR, LF, tab, escape and the other control characters as C#-style escapes; other text unchanged.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var character in text)
        {
            escaped.Append(character switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(character) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)character:x4}"),
                _ => character.ToString(),
            });
        }

        return escaped.ToString();
    }
}
