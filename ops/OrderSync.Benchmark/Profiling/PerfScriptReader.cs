using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderSync.Benchmark.Profiling;

/// <summary>
/// Reads the text of <c>perf script -F comm,pid,ip,sym,dso</c> over a recording made with call graphs: each sample is a header
/// line (the thread's name, which may hold spaces, and the process id) followed by its frames, one a line, and a blank line.
/// </summary>
public static partial class PerfScriptReader
{
    public static IEnumerable<ProfileSample> Read(TextReader text)
    {
        string? command = null;
        var processId = 0;
        var frames = new List<string>();
        for (var line = text.ReadLine(); ; line = text.ReadLine())
        {
            if (line is null || line.Trim().Length == 0)
            {
                if (command is not null)
                {
                    yield return new ProfileSample(command, processId, frames);
                }

                if (line is null)
                {
                    yield break;
                }

                (command, frames) = (null, []);
                continue;
            }

            if (command is null)
            {
                var header = Header().Match(line);
                if (header.Success)
                {
                    command = header.Groups["command"].Value;
                    processId = int.Parse(header.Groups["pid"].Value, CultureInfo.InvariantCulture);
                }

                continue;
            }

            var frame = Frame().Match(line);
            if (frame.Success)
            {
                frames.Add(frame.Groups["frame"].Value);
            }
        }
    }

    [GeneratedRegex(@"^\s*(?<command>.*?)\s+(?<pid>\d+)\s*$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s+[0-9a-f]+\s+(?<frame>.*)$")]
    private static partial Regex Frame();
}
