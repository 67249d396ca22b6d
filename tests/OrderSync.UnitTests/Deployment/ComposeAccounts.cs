using System.Text.RegularExpressions;

namespace OrderSync.UnitTests.Deployment;

/// <summary>
/// The accounts the deployment scripts create: the broker's users with their permission patterns, as ops/services.sh and
/// compose/rabbitmq-users.sh each give them, and the database's run-time role of compose/postgres-runtime-role.sh.
/// </summary>
internal static partial class ComposeAccounts
{
    public const string BrokerUsersService = "rabbitmq-users";

    public const string RuntimeRoleService = "postgres-runtime-role";

    public static string ServicesScript => DeploymentFiles.InRepository("ops/services.sh");

    public static string BrokerUsersScript => DeploymentFiles.InRepository("compose/rabbitmq-users.sh");

    public static string RuntimeRoleScript => DeploymentFiles.InRepository("compose/postgres-runtime-role.sh");

    public static string RuntimeRoleSql => DeploymentFiles.InRepository("ops/sql/runtime-role.sql");

    /// <summary>
    /// Each user a script grants, with its configure, write and read patterns: the bash arrays <c>RMQ_*_PERMISSIONS=('..' ..)</c>
    /// and the lines that hand one to a user, <c>... USER "${RMQ_*_PERMISSIONS[@]}"</c>.
    /// </summary>
    public static Dictionary<string, (string Configure, string Write, string Read)> BrokerPermissions(string script)
    {
        var text = File.ReadAllText(script);
        var arrays = PermissionArray().Matches(text).ToDictionary(
            match => match.Groups["name"].Value,
            match => QuotedWord().Matches(match.Groups["items"].Value).Select(word => word.Groups["word"].Value).ToArray(),
            StringComparer.Ordinal);

        var users = new Dictionary<string, (string Configure, string Write, string Read)>(StringComparer.Ordinal);
        foreach (Match grant in PermissionGrant().Matches(text))
        {
            var user = grant.Groups["user"].Value;
            arrays.ShouldContainKey(grant.Groups["array"].Value, $"{script} grants {user} an array it does not define");
            var patterns = arrays[grant.Groups["array"].Value];
            patterns.Length.ShouldBe(3, $"{script}: {grant.Groups["array"].Value} needs configure, write and read");
            users.ShouldNotContainKey(user, $"{script} grants {user} twice");
            users[user] = (patterns[0], patterns[1], patterns[2]);
        }

        return users;
    }

    /// <summary>The role compose/postgres-runtime-role.sh creates and hands to ops/sql/runtime-role.sql.</summary>
    public static string RuntimeRole()
    {
        var match = RuntimeRoleAssignment().Match(File.ReadAllText(RuntimeRoleScript));
        match.Success.ShouldBeTrue($"{RuntimeRoleScript} sets no runtime_role=");
        return match.Groups["role"].Value;
    }

    public static (string User, string Password) AmqpCredentials(Uri amqp)
    {
        var parts = amqp.UserInfo.Split(':', 2).Select(Uri.UnescapeDataString).ToArray();
        parts.Length.ShouldBe(2, $"{amqp.GetLeftPart(UriPartial.Authority)} names no user and password");
        return (parts[0], parts[1]);
    }

    [GeneratedRegex(@"^(?<name>RMQ_\w+_PERMISSIONS)=\((?<items>.*)\)\s*$", RegexOptions.Multiline)]
    private static partial Regex PermissionArray();

    [GeneratedRegex(@"'(?<word>[^']*)'")]
    private static partial Regex QuotedWord();

    [GeneratedRegex(@"(?<user>[A-Za-z0-9_.-]+) ""\$\{(?<array>RMQ_\w+_PERMISSIONS)\[@\]\}""")]
    private static partial Regex PermissionGrant();

    [GeneratedRegex(@"^runtime_role=(?<role>[a-z_][a-z0-9_]*)\s*$", RegexOptions.Multiline)]
    private static partial Regex RuntimeRoleAssignment();
}
