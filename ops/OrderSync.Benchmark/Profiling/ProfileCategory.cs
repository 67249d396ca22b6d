using System.Text.RegularExpressions;

namespace OrderSync.Benchmark.Profiling;

/// <summary>A named part of a process's work: a sample belongs to it when any frame of its stack matches.</summary>
public sealed record ProfileCategory(string Name, Regex Frames)
{
    public static ProfileCategory Of(string name, string pattern) => new(name, new Regex(pattern, RegexOptions.CultureInvariant));

    /// <summary>The first of <paramref name="categories"/> one of the frames matches, or <paramref name="otherwise"/>.</summary>
    public static string Classify(IEnumerable<string> frames, IReadOnlyList<ProfileCategory> categories, string otherwise)
    {
        foreach (var category in categories)
        {
            if (frames.Any(category.Frames.IsMatch))
            {
                return category.Name;
            }
        }

        return otherwise;
    }
}
