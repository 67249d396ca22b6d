using OrderSync.Cli.Orders;

namespace OrderSync.UnitTests.Cli;

public sealed class ShipByNoticeTests
{
    private static readonly DateTimeOffset ShipBy = new(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan FourDays = TimeSpan.FromDays(4);

    [Fact]
    public void Within_a_day_of_ship_by_it_says_how_long_is_left()
    {
        ShipByNotice.For(ShipBy, hasOpenWork: true, ShipBy.AddHours(-3), FourDays).ShouldBe("Ship by 2026-12-08 12:00Z: 3 h left");
    }

    [Fact]
    public void Past_ship_by_it_says_how_long_ago_and_when_walmart_cancels()
    {
        ShipByNotice.For(ShipBy, hasOpenWork: true, ShipBy.AddDays(2).AddHours(5), FourDays)
            .ShouldBe("Ship-by passed 2 days ago: Walmart cancels unshipped lines about 4 days after it");
    }

    [Fact]
    public void Nothing_is_said_more_than_a_day_before_ship_by_or_when_no_work_is_left()
    {
        ShipByNotice.For(ShipBy, hasOpenWork: true, ShipBy.AddHours(-25), FourDays).ShouldBeNull();
        ShipByNotice.For(ShipBy, hasOpenWork: false, ShipBy.AddDays(1), FourDays).ShouldBeNull();
    }
}
