using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace OrderSync.IntegrationTests.Security;

/// <summary>
/// A RabbitMQ with an amqps listener and a PostgreSQL with ssl=on, started by ops/services.sh in a state folder of their own
/// (the other tests' services are left alone), with a CA and a server certificate for localhost and 127.0.0.1 made by openssl
/// now, and a second CA that signed nothing of theirs.
/// </summary>
public sealed class TlsServices : IAsyncLifetime
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("ordersync-tls-");
    private readonly Dictionary<string, string> _ports = new()
    {
        ["ORDERSYNC_RABBITMQ_PORT"] = Port(),
        ["ORDERSYNC_RABBITMQ_TLS_PORT"] = Port(),
        ["ORDERSYNC_RABBITMQ_MANAGEMENT_PORT"] = Port(),
        ["ORDERSYNC_RABBITMQ_PROMETHEUS_PORT"] = Port(),
        ["ORDERSYNC_RABBITMQ_DIST_PORT"] = Port(),
        ["ORDERSYNC_POSTGRES_PORT"] = Port(),
    };

    private string Certificates => Path.Combine(_root.FullName, "tls");

    public string CaFile => Path.Combine(Certificates, "ca.pem");

    public string OtherCaFile => Path.Combine(_root.FullName, "other", "ca.pem");

    /// <summary>The broker's plain listener, for the test's own Commerce publisher and result listener.</summary>
    public Uri PlainRabbitMq => new($"amqp://guest:guest@127.0.0.1:{_ports["ORDERSYNC_RABBITMQ_PORT"]}/");

    public Uri Amqps => new($"amqps://guest:guest@localhost:{_ports["ORDERSYNC_RABBITMQ_TLS_PORT"]}/");

    public Uri Management => new($"http://127.0.0.1:{_ports["ORDERSYNC_RABBITMQ_MANAGEMENT_PORT"]}/");

    public string PostgresVerifyFull => new NpgsqlConnectionStringBuilder
    {
        Host = "localhost",
        Port = int.Parse(_ports["ORDERSYNC_POSTGRES_PORT"], CultureInfo.InvariantCulture),
        Username = "app",
        Password = "app",
        Database = "integration",
        SslMode = SslMode.VerifyFull,
        RootCertificate = CaFile,
    }.ConnectionString;

    public async Task InitializeAsync()
    {
        await MakeCertificates(Certificates, signServer: true);
        await MakeCertificates(Path.Combine(_root.FullName, "other"), signServer: false);
        await Services("up");
    }

    public async Task DisposeAsync()
    {
        await Services("down");
        _root.Delete(recursive: true);
    }

    private static string Port() => FreePort.Find().ToString(CultureInfo.InvariantCulture);

    private static async Task MakeCertificates(string folder, bool signServer)
    {
        Directory.CreateDirectory(folder);
        await Run(folder, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=ordersync test CA");
        if (!signServer)
        {
            return;
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        await Run(folder, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        await Run(folder, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext");
    }

    private async Task Services(string verb)
    {
        var environment = new Dictionary<string, string>(_ports)
        {
            ["ORDERSYNC_STATE_DIR"] = Path.Combine(_root.FullName, "services"),
            ["ORDERSYNC_TLS_DIR"] = Certificates,
        };
        await Run(RepositoryPaths.Root, "bash", environment, Path.Combine(RepositoryPaths.Root, "ops", "services.sh"), verb);
    }

    private static Task Run(string folder, string program, params string[] arguments) => Run(folder, program, new Dictionary<string, string>(), arguments);

    private static async Task Run(string folder, string program, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
