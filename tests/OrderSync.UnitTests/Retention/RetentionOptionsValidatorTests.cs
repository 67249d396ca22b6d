using Microsoft.Extensions.Configuration;
using OrderSync.Testing;
using OrderSync.Worker.Retention;

namespace OrderSync.UnitTests.Retention;

public sealed class RetentionOptionsValidatorTests
{
    private readonly RetentionOptionsValidator _validator = new();

    [Fact]
    public void The_defaults_pass()
    {
        _validator.Validate(null, new RetentionOptions()).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void The_defaults_in_appsettings_are_the_classes_own()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryPaths.Root, "src", "OrderSync.Worker", "appsettings.json"))
            .Build();

        var bound = configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>().ShouldNotBeNull();

        bound.ShouldBeEquivalentTo(new RetentionOptions());
    }

    [Fact]
    public void Zero_ages_keep_everything_and_pass()
    {
        _validator.Validate(null, new RetentionOptions
        {
            FinishedOrders = TimeSpan.Zero,
            IdleOrders = TimeSpan.Zero,
            CallHistory = TimeSpan.Zero,
            DeadLetterArchive = TimeSpan.Zero,
        }).Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Interval", "00:00:00", "Retention__Interval must be positive and at most a day")]
    [InlineData("Interval", "-00:01:00", "Retention__Interval must be positive and at most a day")]
    [InlineData("Interval", "2.00:00:00", "Retention__Interval must be positive and at most a day")]
    [InlineData("BatchSize", "0", "Retention__BatchSize must be between 1 and 10000")]
    [InlineData("BatchSize", "10001", "Retention__BatchSize must be between 1 and 10000")]
    [InlineData("FinishedOrders", "02:00:00", "Retention__FinishedOrders must be 0 (keep for ever) or at least 1 day")]
    [InlineData("IdleOrders", "-1.00:00:00", "Retention__IdleOrders must be 0 (keep for ever) or at least 1 day")]
    [InlineData("CallHistory", "00:01:30", "Retention__CallHistory must be 0 (keep for ever) or at least 1 day")]
    [InlineData("DeadLetterArchive", "23:59:59", "Retention__DeadLetterArchive must be 0 (keep for ever) or at least 1 day")]
    [InlineData("IdleOrders", "30", "Retention__IdleOrders must not be shorter than Retention__FinishedOrders")]
    public void A_bad_value_is_one_failure_naming_its_key_as_an_environment_variable(string key, string value, string expected)
    {
        var result = _validator.Validate(null, Bind(key, value));

        result.Failures.ShouldHaveSingleItem().ShouldStartWith(expected);
    }

    [Fact]
    public void A_whole_number_of_an_age_is_days()
    {
        var options = Bind("FinishedOrders", "30");

        options.FinishedOrders.ShouldBe(TimeSpan.FromDays(30));
        _validator.Validate(null, options).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Every_bad_value_is_named()
    {
        var result = _validator.Validate(null, new RetentionOptions { Interval = TimeSpan.Zero, BatchSize = -1, CallHistory = TimeSpan.FromHours(1) });

        result.Failures.ShouldNotBeNull().Count().ShouldBe(3);
    }

    /// <summary>The options as the worker binds them from one setting.</summary>
    private static RetentionOptions Bind(string key, string value) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{RetentionOptions.Section}:{key}"] = value })
            .Build()
            .GetSection(RetentionOptions.Section)
            .Get<RetentionOptions>()!;
}
