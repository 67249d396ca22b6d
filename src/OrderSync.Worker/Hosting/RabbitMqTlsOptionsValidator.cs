using Microsoft.Extensions.Options;

namespace OrderSync.Worker.Hosting;

/// <summary>Each TLS file must be there, and TLS settings only make sense with an amqps URI: one line per bad key.</summary>
public sealed class RabbitMqTlsOptionsValidator(IOptions<ConnectionStringsOptions> connections) : IValidateOptions<RabbitMqTlsOptions>
{
    public ValidateOptionsResult Validate(string? name, RabbitMqTlsOptions options)
    {
        var failures = new List<string>();
        CheckFile(failures, nameof(RabbitMqTlsOptions.CaFile), options.CaFile);
        CheckFile(failures, nameof(RabbitMqTlsOptions.ClientCertificateFile), options.ClientCertificateFile);
        CheckFile(failures, nameof(RabbitMqTlsOptions.ClientKeyFile), options.ClientKeyFile);
        if (!string.IsNullOrWhiteSpace(options.ClientKeyFile) && string.IsNullOrWhiteSpace(options.ClientCertificateFile))
        {
            failures.Add($"{RabbitMqTlsOptions.Section}__ClientKeyFile is set without {RabbitMqTlsOptions.Section}__ClientCertificateFile");
        }

        if (options.IsSet && Uri.TryCreate(connections.Value.RabbitMq, UriKind.Absolute, out var uri) && uri.Scheme != "amqps")
        {
            failures.Add($"{RabbitMqTlsOptions.Section}__* TLS settings are set but ConnectionStrings__RabbitMq is not an amqps:// URI");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckFile(List<string> failures, string key, string? path)
    {
        if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
        {
            failures.Add($"{RabbitMqTlsOptions.Section}__{key} names a file that does not exist or cannot be read: {path}");
        }
    }
}
