using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrderSync.Cli.DeadLetters;

/// <summary>The RabbitMQ management HTTP API, used only to list the queues of the virtual host.</summary>
public static class ManagementApi
{
    public const string UrlVariable = "ORDERSYNC_RABBITMQ_MANAGEMENT_URL";

    /// <summary>--management, else $ORDERSYNC_RABBITMQ_MANAGEMENT_URL, else the broker's host on port 15672 (https when amqps).</summary>
    public static Uri Url(Uri amqp, string? option)
    {
        var configured = option ?? Environment.GetEnvironmentVariable(UrlVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Uri.TryCreate(configured.EndsWith('/') ? configured : configured + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                ? url
                : throw new Infrastructure.CliException($"--management is not an http(s) URL: {configured}", Infrastructure.ExitCodes.Usage);
        }

        return new UriBuilder(amqp.Scheme == "amqps" ? "https" : "http", amqp.Host, 15672, "/").Uri;
    }

    /// <summary>The virtual host an AMQP URI names: its path unescaped, "/" when it has none.</summary>
    public static string VirtualHost(Uri amqp)
    {
        var path = amqp.AbsolutePath.TrimStart('/');
        return path.Length == 0 ? "/" : Uri.UnescapeDataString(path);
    }

    /// <summary>The names of the virtual host's queues, or null with the reason when the API does not answer.</summary>
    public static async Task<(IReadOnlyList<string>? Queues, string? Problem)> QueueNames(Uri management, Uri amqp, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = WithoutCredentials(management), Timeout = TimeSpan.FromSeconds(5) };
        var (user, password) = Credentials(management) ?? Credentials(amqp) ?? ("guest", "guest");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        try
        {
            using var response = await http.GetAsync($"api/queues/{Uri.EscapeDataString(VirtualHost(amqp))}?columns=name", cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"the management API at {management} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var queues = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return ([.. queues.EnumerateArray().Select(queue => queue.GetProperty("name").GetString()!)], null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return (null, $"the management API at {management} did not answer: {exception.Message}");
        }
    }

    private static Uri WithoutCredentials(Uri url) => new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri;

    private static (string User, string Password)? Credentials(Uri url)
    {
        if (string.IsNullOrEmpty(url.UserInfo))
        {
            return null;
        }

        var parts = url.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
    }
}
