using OrderSync.Worker.Hosting;

namespace OrderSync.UnitTests.Hosting;

public sealed class ConnectionStringsValidatorTests
{
    private readonly ConnectionStringsValidator _validator = new();

    [Fact]
    public void Valid_connection_strings_pass()
    {
        _validator.Validate(null, new ConnectionStringsOptions
        {
            RabbitMq = "amqp://guest:guest@127.0.0.1:5672/",
            Postgres = "Host=127.0.0.1;Port=5432;Username=app;Password=app;Database=integration",
        }).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void A_missing_postgres_connection_is_named_as_the_environment_key()
    {
        var result = _validator.Validate(null, new ConnectionStringsOptions { RabbitMq = "amqp://guest:guest@127.0.0.1:5672/" });

        result.Failures.ShouldHaveSingleItem().ShouldStartWith("ConnectionStrings__Postgres is missing");
    }

    [Fact]
    public void A_rabbitmq_connection_that_is_not_an_amqp_uri_is_refused()
    {
        var result = _validator.Validate(null, new ConnectionStringsOptions
        {
            RabbitMq = "http://localhost:15672",
            Postgres = "Host=127.0.0.1;Database=integration",
        });

        result.Failures.ShouldHaveSingleItem().ShouldStartWith("ConnectionStrings__RabbitMq is not an AMQP URI");
    }

    [Fact]
    public void A_malformed_postgres_connection_is_refused()
    {
        var result = _validator.Validate(null, new ConnectionStringsOptions
        {
            RabbitMq = "amqp://guest:guest@127.0.0.1:5672/",
            Postgres = "this is not a connection string",
        });

        result.Failures.ShouldHaveSingleItem().ShouldStartWith("ConnectionStrings__Postgres is malformed");
    }
}
