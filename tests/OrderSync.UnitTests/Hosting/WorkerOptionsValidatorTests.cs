using OrderSync.Worker.Hosting;

namespace OrderSync.UnitTests.Hosting;

public sealed class WorkerOptionsValidatorTests
{
    private readonly WorkerOptionsValidator _validator = new();

    [Fact]
    public void The_default_tracking_change_window_is_walmarts_four_hours_and_passes()
    {
        var options = new WorkerOptions();

        options.TrackingChangeWindow.ShouldBe(TimeSpan.FromHours(4));
        _validator.Validate(null, options).Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-01:00:00")]
    public void A_tracking_change_window_that_is_not_positive_is_named_as_the_environment_key(string window)
    {
        var result = _validator.Validate(null, new WorkerOptions { TrackingChangeWindow = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture) });

        result.Failures.ShouldHaveSingleItem().ShouldStartWith("Worker__TrackingChangeWindow must be positive");
    }
}
