using OrderSync.Worker.Hosting;

namespace OrderSync.UnitTests.Hosting;

public sealed class PlaintextLinksTests
{
    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/", "Host=127.0.0.1;Username=app;Password=app;Database=integration")]
    [InlineData("amqp://u:p@localhost/", "Host=localhost;Username=app;Database=integration")]
    [InlineData("amqp://u:p@[::1]:5672/", "Host=/var/run/postgresql;Username=app;Database=integration")]
    [InlineData("amqps://u:p@rabbitmq.internal/", "Host=db.internal;SSL Mode=VerifyFull;Root Certificate=/etc/ssl/ca.pem;Database=integration")]
    [InlineData("amqps://u:p@10.0.0.5/", "Host=db.internal;SSL Mode=Require;Database=integration")]
    public void Loopback_or_encrypted_links_start_without_a_warning(string amqp, string postgres)
    {
        PlaintextLinks.Warnings(new ConnectionStringsOptions { RabbitMq = amqp, Postgres = postgres }).ShouldBeEmpty();
    }

    [Fact]
    public void Plaintext_amqp_to_another_host_is_one_warning_naming_the_key_and_the_host()
    {
        var warning = PlaintextLinks.Warnings(new ConnectionStringsOptions
        {
            RabbitMq = "amqp://worker:s3cret@rabbitmq.internal:5672/",
            Postgres = "Host=127.0.0.1;Database=integration",
        }).ShouldHaveSingleItem();

        warning.ShouldStartWith("ConnectionStrings__RabbitMq is plaintext AMQP to rabbitmq.internal");
        warning.ShouldNotContain("s3cret");
    }

    [Theory]
    [InlineData("Host=db.internal;Password=s3cret;Database=integration", "db.internal")]
    [InlineData("Host=127.0.0.1,db2.internal:5433;SSL Mode=Prefer;Database=integration", "db2.internal")]
    [InlineData("Host=10.0.0.9;SSL Mode=Disable;Database=integration", "10.0.0.9")]
    public void Postgres_that_may_run_unencrypted_to_another_host_is_one_warning(string postgres, string host)
    {
        var warning = PlaintextLinks.Warnings(new ConnectionStringsOptions { RabbitMq = "amqps://u:p@rabbitmq.internal/", Postgres = postgres })
            .ShouldHaveSingleItem();

        warning.ShouldStartWith($"ConnectionStrings__Postgres may be plaintext to {host}");
        warning.ShouldNotContain("s3cret");
    }
}
