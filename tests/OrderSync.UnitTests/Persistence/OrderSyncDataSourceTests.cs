using Npgsql;
using OrderSync.Persistence;

namespace OrderSync.UnitTests.Persistence;

public sealed class OrderSyncDataSourceTests
{
    private const string Plain = "Host=127.0.0.1;Port=5432;Username=app;Password=app;Database=integration";

    [Fact]
    public void The_worker_skips_the_reset_on_close_and_prepares_repeated_statements()
    {
        using var dataSource = OrderSyncDataSource.Create(Plain);

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        settings.NoResetOnClose.ShouldBeTrue();
        settings.MaxAutoPrepare.ShouldBe(32);
        settings.Host.ShouldBe("127.0.0.1");
    }

    [Fact]
    public void A_connection_string_that_sets_them_keeps_its_own_values()
    {
        using var dataSource = OrderSyncDataSource.Create(Plain + ";No Reset On Close=false;Max Auto Prepare=0");

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        settings.NoResetOnClose.ShouldBeFalse();
        settings.MaxAutoPrepare.ShouldBe(0);
    }
}
