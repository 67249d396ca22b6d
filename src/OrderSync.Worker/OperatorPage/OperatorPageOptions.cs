namespace OrderSync.Worker.OperatorPage;

/// <summary>The on-call page on the health address: read-only unless actions are enabled, and then only with the token.</summary>
public sealed class OperatorPageOptions
{
    public const string Section = "OperatorPage";

    /// <summary>Serves /operator beside /health and /metrics.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Shows the resync button and accepts it, from callers that send <see cref="Token"/> as a bearer token.</summary>
    public bool ActionsEnabled { get; set; }

    /// <summary>The bearer token actions need; or <see cref="TokenFile"/>, a secret mounted as a file.</summary>
    public string? Token { get; set; }

    public string? TokenFile { get; set; }

    public int PageSize { get; set; } = 50;

    /// <summary>The token from the file when one is named, else the setting; null when neither is set.</summary>
    public string? ActionToken() =>
        !string.IsNullOrWhiteSpace(TokenFile) ? File.ReadAllText(TokenFile).Trim()
        : string.IsNullOrWhiteSpace(Token) ? null : Token.Trim();
}
