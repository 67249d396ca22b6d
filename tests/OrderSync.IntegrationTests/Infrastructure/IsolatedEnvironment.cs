using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>A RabbitMQ virtual host and a PostgreSQL database of one test's own, removed afterwards.</summary>
public sealed class IsolatedEnvironment : IAsyncDisposable
{
    private readonly ServiceSettings _services;
    private readonly HttpClient _management;
    private readonly List<string> _users = [];

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

    /// <summary>Connection string of the test's own database, empty: the worker's migrations make its schema.</summary>
    public string Postgres { get; }

    public static async Task<IsolatedEnvironment> Create()
    {
        var services = await LocalServices.Get();
        var environment = new IsolatedEnvironment(services, $"t_{Guid.NewGuid():N}"[..20]);
        await environment.CreateVirtualHost();
        await environment.CreateDatabase();
        return environment;
    }

    public async ValueTask DisposeAsync()
    {
        await _management.DeleteAsync($"api/vhosts/{Name}");
        foreach (var user in _users)
        {
            await _management.DeleteAsync($"api/users/{user}");
        }

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

    // The worker never creates its database (a mistyped name must fail): the test does, as the services' owner role.
    private async Task CreateDatabase()
    {
        await using var connection = new NpgsqlConnection(_services.Postgres);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database \"{Name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>A broker user of this test's own, with a random password and these permission patterns on its virtual host.</summary>
    /// <returns>The amqp URI of the virtual host as that user.</returns>
    public async Task<Uri> AddBrokerUser(string name, string password, string configure = ".*", string write = ".*", string read = ".*")
    {
        using var user = new StringContent(JsonSerializer.Serialize(new { password, tags = string.Empty }), Encoding.UTF8, "application/json");
        (await _management.PutAsync($"api/users/{name}", user)).EnsureSuccessStatusCode();
        _users.Add(name);
        using var permissions = new StringContent(JsonSerializer.Serialize(new { configure, write, read }), Encoding.UTF8, "application/json");
        (await _management.PutAsync($"api/permissions/{Name}/{name}", permissions)).EnsureSuccessStatusCode();
        return new UriBuilder(RabbitMq) { UserName = name, Password = password }.Uri;
    }

    private async Task CreateVirtualHost()
    {
        (await _management.PutAsync($"api/vhosts/{Name}", null)).EnsureSuccessStatusCode();
        var user = Uri.UnescapeDataString(_services.RabbitMq.UserInfo.Split(':')[0]);
        using var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await _management.PutAsync($"api/permissions/{Name}/{user}", permissions)).EnsureSuccessStatusCode();
    }
}
