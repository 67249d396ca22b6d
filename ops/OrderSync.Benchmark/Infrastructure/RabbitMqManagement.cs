using System.Net.Http.Headers;
using System.Text;
using OrderSync.Testing.Services;

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>The management HTTP API, for virtual hosts of the benchmark's own.</summary>
public sealed class RabbitMqManagement : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _user;

    public RabbitMqManagement(ServiceSettings services)
    {
        var credentials = services.RabbitMq.UserInfo.Split(':', 2);
        _user = Uri.UnescapeDataString(credentials[0]);
        var password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : string.Empty;
        _http = new HttpClient { BaseAddress = services.RabbitMqManagement, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_user}:{password}")));
    }

    public async Task CreateVirtualHostAsync(string name, CancellationToken cancellationToken)
    {
        using var created = await _http.PutAsync(new Uri($"api/vhosts/{Uri.EscapeDataString(name)}", UriKind.Relative), null, cancellationToken);
        created.EnsureSuccessStatusCode();
        using var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        using var granted = await _http.PutAsync(
            new Uri($"api/permissions/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(_user)}", UriKind.Relative), permissions, cancellationToken);
        granted.EnsureSuccessStatusCode();
    }

    public async Task DeleteVirtualHostAsync(string name, CancellationToken cancellationToken)
    {
        using var deleted = await _http.DeleteAsync(new Uri($"api/vhosts/{Uri.EscapeDataString(name)}", UriKind.Relative), cancellationToken);
    }

    /// <summary>The broker's version, from /api/overview.</summary>
    public async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        using var document = System.Text.Json.JsonDocument.Parse(await _http.GetStringAsync(new Uri("api/overview", UriKind.Relative), cancellationToken));
        return document.RootElement.TryGetProperty("rabbitmq_version", out var version) ? version.GetString() ?? "?" : "?";
    }

    public void Dispose() => _http.Dispose();
}
