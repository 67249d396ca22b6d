using OrderSync.Cli.Infrastructure;

namespace OrderSync.UnitTests.Cli;

public sealed class DurationTests
{
    [Theory]
    [InlineData("45s", 0, 0, 45)]
    [InlineData("30m", 0, 30, 0)]
    [InlineData("2h", 2, 0, 0)]
    [InlineData("7d", 168, 0, 0)]
    [InlineData("1w", 168, 0, 0)]
    [InlineData("1h30m", 1, 30, 0)]
    [InlineData("2H", 2, 0, 0)]
    [InlineData(" 15m ", 0, 15, 0)]
    public void Reads_amounts_with_a_unit(string text, int hours, int minutes, int seconds)
    {
        Duration.TryParse(text, out var duration).ShouldBeTrue();

        duration.ShouldBe(new TimeSpan(hours, minutes, seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("m")]
    [InlineData("2 h")]
    [InlineData("-2h")]
    [InlineData("1.5h")]
    [InlineData("0m")]
    [InlineData("3x")]
    [InlineData("yesterday")]
    [InlineData("999999999999d")]
    public void Refuses_anything_else(string text) => Duration.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void A_malformed_option_is_a_usage_error_naming_the_option()
    {
        var failure = Should.Throw<CliException>(() => Duration.Parse("soon", "--since"));

        failure.ExitCode.ShouldBe(64);
        failure.Message.ShouldBe("--since takes a duration such as 30m, 2h or 7d, not 'soon'");
    }

    [Theory]
    [InlineData(24 * 60, "1d")]
    [InlineData(120, "2h")]
    [InlineData(90, "90m")]
    public void Formats_in_the_largest_whole_unit(int minutes, string expected) =>
        Duration.Format(TimeSpan.FromMinutes(minutes)).ShouldBe(expected);
}
