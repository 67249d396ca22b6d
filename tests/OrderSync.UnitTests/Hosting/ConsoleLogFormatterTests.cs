using OrderSync.Worker.Hosting;
using Serilog.Events;
using Serilog.Parsing;

namespace OrderSync.UnitTests.Hosting;

public sealed class ConsoleLogFormatterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_line_break_in_a_value_does_not_start_a_new_line()
    {
        var text = Format(Event("Shipment of {Sku} refused", ("Sku", "MUG\r\n12:00:00.000 INF Forged: all good")));

        text.ShouldBe("12:00:00.000 WRN OrderSync.Test: Shipment of MUG\\r\\n12:00:00.000 INF Forged: all good refused\n");
    }

    [Fact]
    public void Other_control_characters_are_escaped_and_plain_text_is_kept()
    {
        Format(Event("{Title}", ("Title", "tab\there\u001b[31m red"))).ShouldBe("12:00:00.000 WRN OrderSync.Test: tab\\there\\u001b[31m red\n");
        Format(Event("{Title}", ("Title", "UPS Ground – é"))).ShouldBe("12:00:00.000 WRN OrderSync.Test: UPS Ground – é\n");
    }

    [Fact]
    public void Every_line_of_an_exception_starts_with_a_space()
    {
        var exception = Thrown(new InvalidOperationException("refused\n12:00:00.000 INF Forged"));

        var lines = Format(Event("Failed", exception: exception)).TrimEnd('\n').Split('\n');

        lines[0].ShouldBe("12:00:00.000 WRN OrderSync.Test: Failed");
        lines.Length.ShouldBeGreaterThan(2);
        lines.Skip(1).ShouldAllBe(line => line.Length > 0 && char.IsWhiteSpace(line[0]));
        lines.ShouldContain("  12:00:00.000 INF Forged");
    }

    private static string Format(LogEvent logEvent)
    {
        using var output = new StringWriter();
        new ConsoleLogFormatter().Format(logEvent, output);
        return output.ToString();
    }

    private static LogEvent Event(string template, (string Name, string Value)? property = null, Exception? exception = null)
    {
        var properties = new List<LogEventProperty> { new("SourceContext", new ScalarValue("OrderSync.Test")) };
        if (property is { } value)
        {
            properties.Add(new LogEventProperty(value.Name, new ScalarValue(value.Value)));
        }

        return new LogEvent(Noon, LogEventLevel.Warning, exception, new MessageTemplateParser().Parse(template), properties);
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
