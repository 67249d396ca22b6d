using System.Globalization;
using System.Text;

namespace OrderSync.Benchmark.Measurement;

/// <summary>One series' value in a Prometheus text exposition: <c>name{label="value",...} 1.5</c>.</summary>
public sealed record MetricSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>Reads the Prometheus text format that the worker's <c>/metrics</c> serves.</summary>
public static class PrometheusText
{
    public static IReadOnlyList<MetricSample> Parse(string text)
    {
        var samples = new List<MetricSample>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (TryParseLine(line) is { } sample)
            {
                samples.Add(sample);
            }
        }

        return samples;
    }

    private static MetricSample? TryParseLine(string line)
    {
        var nameEnd = line.IndexOfAny(['{', ' ']);
        if (nameEnd <= 0)
        {
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = nameEnd;
        if (line[position] == '{')
        {
            position = ReadLabels(line, position + 1, labels);
            if (position < 0)
            {
                return null;
            }
        }

        // The value, then an optional timestamp.
        var fields = line[position..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 0 && TryParseValue(fields[0], out var value) ? new MetricSample(line[..nameEnd], labels, value) : null;
    }

    /// <returns>The position after the closing brace, or -1 when the label set is malformed.</returns>
    private static int ReadLabels(string line, int position, Dictionary<string, string> labels)
    {
        while (position < line.Length)
        {
            if (line[position] == '}')
            {
                return position + 1;
            }

            if (line[position] is ',' or ' ')
            {
                position++;
                continue;
            }

            var equals = line.IndexOf('=', position);
            if (equals < 0 || equals + 1 >= line.Length || line[equals + 1] != '"')
            {
                return -1;
            }

            var name = line[position..equals].Trim();
            var value = new StringBuilder();
            position = equals + 2;
            while (position < line.Length && line[position] != '"')
            {
                if (line[position] == '\\' && position + 1 < line.Length)
                {
                    position++;
                    value.Append(line[position] == 'n' ? '\n' : line[position]);
                }
                else
                {
                    value.Append(line[position]);
                }

                position++;
            }

            if (position >= line.Length)
            {
                return -1;
            }

            labels[name] = value.ToString();
            position++;
        }

        return -1;
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text)
        {
            case "+Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
