using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>A RabbitMQ virtual host and a PostgreSQL database of one test's own, removed afterwards.</summary>
public sealed class IsolatedEnvironment : IAsyncDisposable
{
    private readonly ServiceSettings _services;
    private readonly HttpClient _management;

    private IsolatedEnvironment(ServiceSettings services, string name)
    {
        _services = services;
        Name = name;
        _management = new HttpClient { BaseAddress = services.RabbitMqManagement };
        var credentials = services.RabbitMq.UserInfo.Split(':');
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.UnescapeDataString(credentials[0])}:{Uri.UnescapeDataString(credentials[1])}")));
        RabbitMq = services.RabbitMqFor(name);
        Postgres = services.PostgresFor(name);
    }

    public string Name { get; }

    /// <summary>amqp URI of the test's own virtual host.</summary>
    public Uri RabbitMq { get; }

    /// <summary>Connection string of the test's own database (created by the worker's migrations).</summary>
    public string Postgres { get; }

    public static async Task<IsolatedEnvironment> Create()
    {
        var services = await LocalServices.Get();
        var environment = new IsolatedEnvironment(services, $"t_{Guid.NewGuid():N}"[..20]);
        await environment.CreateVirtualHost();
        return environment;
    }

    public async ValueTask DisposeAsync()
    {
        await _management.DeleteAsync($"api/vhosts/{Name}");
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_services.Postgres);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{Name}\" with (force)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                break;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 50)
            {
                // An autovacuum worker on the busy database, which this role may not terminate: it is done within moments.
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }

        _management.Dispose();
    }

    private async Task CreateVirtualHost()
    {
        (await _management.PutAsync($"api/vhosts/{Name}", null)).EnsureSuccessStatusCode();
        var user = Uri.UnescapeDataString(_services.RabbitMq.UserInfo.Split(':')[0]);
        using var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await _management.PutAsync($"api/permissions/{Name}/{user}", permissions)).EnsureSuccessStatusCode();
    }
}
