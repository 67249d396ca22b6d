using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace OrderSync.UnitTests.Deployment;

/// <summary>ops/systemd/ordersync-worker.service: valid for systemd, running the published worker, draining on stop, hardened.</summary>
public sealed class SystemdUnitTests(ITestOutputHelper output)
{
    /// <summary>Every directive the unit may use; outside systemd-analyze, a name not here is taken for a typo.</summary>
    private static readonly Dictionary<string, string[]> KnownDirectives = new(StringComparer.Ordinal)
    {
        ["Unit"] = ["Description", "Documentation", "Wants", "Requires", "After", "Before", "StartLimitIntervalSec", "StartLimitBurst"],
        ["Service"] =
        [
            "Type", "ExecStart", "WorkingDirectory", "EnvironmentFile", "Environment", "User", "Group", "Restart", "RestartSec",
            "RestartPreventExitStatus", "KillSignal", "TimeoutStopSec", "StandardOutput", "StandardError", "SyslogIdentifier",
            "NoNewPrivileges", "ProtectSystem", "ProtectHome", "PrivateTmp", "PrivateDevices", "ProtectKernelTunables",
            "ProtectKernelModules", "ProtectKernelLogs", "ProtectControlGroups", "ProtectClock", "ProtectHostname", "ProtectProc",
            "RestrictAddressFamilies", "RestrictNamespaces", "RestrictRealtime", "RestrictSUIDSGID", "RemoveIPC", "LockPersonality",
            "CapabilityBoundingSet", "AmbientCapabilities", "SystemCallArchitectures", "SystemCallFilter", "SystemCallErrorNumber", "UMask",
            "ReadWritePaths", "ReadOnlyPaths", "LoadCredential",
        ],
        ["Install"] = ["WantedBy"],
    };

    private readonly SystemdUnit _unit = SystemdUnit.Read(DeploymentFiles.SystemdUnit);

    [Fact]
    public void The_unit_is_valid_for_systemd()
    {
        var analyze = FindOnPath("systemd-analyze");
        if (analyze is not null)
        {
            output.WriteLine($"systemd-analyze verify ({analyze})");
            VerifyWithSystemdAnalyze(analyze);
            return;
        }

        // Without systemd-analyze: every line is a section, a comment or a directive systemd knows in that section.
        output.WriteLine("systemd-analyze is not on PATH: checking the unit's sections and directive names");
        _unit.Sections.Keys.ShouldBe(["Unit", "Service", "Install"], ignoreOrder: true);
        foreach (var (section, directives) in _unit.Sections)
        {
            foreach (var (name, _) in directives)
            {
                KnownDirectives[section].ShouldContain(name, $"[{section}] {name} is not a directive this unit is expected to use (a typo?)");
            }
        }

        _unit.Malformed.ShouldBeEmpty();
    }

    [Fact]
    public void It_runs_the_published_worker_from_its_folder_as_the_ordersync_user()
    {
        var assembly = DeploymentFiles.AssemblyName("src/OrderSync.Worker/OrderSync.Worker.csproj") + ".dll";

        _unit.Single("Service", "ExecStart").ShouldBe($"/usr/bin/dotnet /opt/ordersync/worker/{assembly}");
        _unit.Single("Service", "WorkingDirectory").ShouldBe("/opt/ordersync/worker");
        _unit.Single("Service", "EnvironmentFile").ShouldBe("/etc/ordersync/worker.env");
        _unit.Single("Service", "User").ShouldBe("ordersync");
        _unit.Single("Service", "Group").ShouldBe("ordersync");
        _unit.All("Service", "DynamicUser").ShouldBeEmpty();
        File.ReadAllLines(DeploymentFiles.SystemdSysusers).ShouldContain(line => Regex.IsMatch(line, @"^u\s+ordersync\s"), "the sysusers file creates the user");
        _unit.Single("Install", "WantedBy").ShouldBe("multi-user.target");
    }

    [Fact]
    public void It_waits_for_readiness_notification_only_if_the_worker_sends_one()
    {
        var usesSystemdIntegration = DeploymentFiles.WorkerConfigurationSources.Contains("UseSystemd(", StringComparison.Ordinal)
            || DeploymentFiles.WorkerConfigurationSources.Contains("AddSystemd(", StringComparison.Ordinal);

        var type = _unit.Single("Service", "Type");
        if (usesSystemdIntegration)
        {
            type.ShouldBe("notify");
        }
        else
        {
            type.ShouldBeOneOf("exec", "simple");
        }
    }

    [Fact]
    public void On_stop_it_gives_the_worker_longer_than_its_drain_and_restarts_only_what_a_restart_can_fix()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(DeploymentFiles.WorkerAppSettings));
        var drain = TimeSpan.Parse(settings.RootElement.GetProperty("Worker").GetProperty("ShutdownTimeout").GetString()!, CultureInfo.InvariantCulture);

        _unit.Single("Service", "KillSignal").ShouldBe("SIGTERM");
        var stop = TimeSpan.FromSeconds(int.Parse(_unit.Single("Service", "TimeoutStopSec"), CultureInfo.InvariantCulture));
        stop.ShouldBeGreaterThan(drain + TimeSpan.FromSeconds(5), "the host adds 5 s to Worker:ShutdownTimeout before it gives up");

        _unit.Single("Service", "Restart").ShouldBe("on-failure");
        _unit.Single("Service", "RestartSec").ShouldBe("5");
        // 78 is the worker's exit code for a bad setting (HostRunner): a restart cannot fix it.
        DeploymentFiles.WorkerConfigurationSources.ShouldContain("exitCode: 78");
        _unit.Single("Service", "RestartPreventExitStatus").Split(' ').ShouldContain("78");
    }

    [Fact]
    public void It_is_hardened_but_lets_the_jit_write_code()
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["NoNewPrivileges"] = "yes",
            ["ProtectSystem"] = "strict",
            ["ProtectHome"] = "yes",
            ["PrivateTmp"] = "yes",
            ["PrivateDevices"] = "yes",
            ["ProtectKernelTunables"] = "yes",
            ["ProtectKernelModules"] = "yes",
            ["ProtectControlGroups"] = "yes",
            ["RestrictNamespaces"] = "yes",
            ["RestrictSUIDSGID"] = "yes",
            ["LockPersonality"] = "yes",
            ["CapabilityBoundingSet"] = string.Empty,
        };
        foreach (var (name, value) in expected)
        {
            _unit.Single("Service", name).ShouldBe(value, $"[Service] {name}");
        }

        _unit.Single("Service", "RestrictAddressFamilies").Split(' ').ShouldBe(["AF_INET", "AF_INET6", "AF_UNIX"], ignoreOrder: true);
        _unit.All("Service", "ReadWritePaths").ShouldBeEmpty("the worker writes nothing to disk");
        _unit.All("Service", "MemoryDenyWriteExecute").ShouldNotContain("yes", "the .NET JIT needs to map the code it writes as executable");
        _unit.All("Service", "MemoryDenyWriteExecute").ShouldNotContain("true");
    }

    [Fact]
    public void The_env_example_sets_the_required_keys_and_only_keys_the_worker_reads()
    {
        var settings = ComposeFile.ReadEnvFile(DeploymentFiles.SystemdEnvExample);
        var credentials = _unit.All("Service", "LoadCredential").Select(credential => credential.Split(':', 2)[0]).ToList();

        foreach (var required in ConfigurationKeys.RequiredKeys())
        {
            settings.Keys.Concat(credentials).ShouldContain(
                key => required.Pattern.IsMatch(key), $"neither the env example nor a LoadCredential= of the unit sets {required} (required in README.md's Configuration table)");
        }

        credentials.ShouldNotBeEmpty();
        credentials.ShouldAllBe(key => !settings.ContainsKey(key), "a secret loaded as a credential is also in the env file");

        foreach (var key in settings.Keys)
        {
            var documented = ConfigurationKeys.FindDocumented(key);
            documented.ShouldNotBeNull($"{key} is not in README.md's Configuration table");
            if (!key.StartsWith("Serilog__", StringComparison.Ordinal))
            {
                ConfigurationKeys.MissingFromCode(documented, DeploymentFiles.WorkerConfigurationSources).ShouldBeEmpty($"{key} is not read by the worker");
            }
        }
    }

    [Fact]
    public void The_env_example_keeps_health_and_metrics_on_loopback()
    {
        var settings = ComposeFile.ReadEnvFile(DeploymentFiles.SystemdEnvExample);

        if (settings.TryGetValue("Health__Urls", out var urls))
        {
            urls.Split(';').ShouldAllBe(url => new Uri(url.Replace("*", "0.0.0.0", StringComparison.Ordinal)).IsLoopback, "the env example exposes health beyond loopback");
        }
    }

    private void VerifyWithSystemdAnalyze(string analyze)
    {
        // systemd-analyze insists that ExecStart's program exists; elsewhere than /usr/bin, stand the running dotnet in.
        var text = File.ReadAllText(DeploymentFiles.SystemdUnit);
        if (!File.Exists("/usr/bin/dotnet"))
        {
            var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : FindOnPath("dotnet");
            dotnet.ShouldNotBeNull("no dotnet to stand in for /usr/bin/dotnet");
            text = text.Replace("ExecStart=/usr/bin/dotnet ", $"ExecStart={dotnet} ", StringComparison.Ordinal);
            output.WriteLine($"ExecStart's /usr/bin/dotnet replaced by {dotnet}");
        }

        var folder = Directory.CreateTempSubdirectory("ordersync-unit-");
        try
        {
            var unitPath = Path.Combine(folder.FullName, Path.GetFileName(DeploymentFiles.SystemdUnit));
            File.WriteAllText(unitPath, text);
            var start = new ProcessStartInfo(analyze) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("verify");
            start.ArgumentList.Add(unitPath);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit(60_000).ShouldBeTrue("systemd-analyze verify did not finish within 60 s");
            var messages = (stdout.Result + stderr.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            output.WriteLine(messages.Length == 0 ? "no messages" : string.Join('\n', messages));

            // verify exits 0 even on an unknown directive or a value it cannot parse ("..., ignoring"): any line about
            // this unit is a failure.
            process.ExitCode.ShouldBe(0, string.Join('\n', messages));
            messages.Where(line => line.Contains(Path.GetFileName(unitPath), StringComparison.Ordinal)).ShouldBeEmpty();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}

/// <summary>A systemd unit file read as INI: sections of <c>Name=value</c> directives, a name possibly repeated.</summary>
internal sealed class SystemdUnit
{
    public Dictionary<string, List<(string Name, string Value)>> Sections { get; } = new(StringComparer.Ordinal);

    public List<string> Malformed { get; } = [];

    public static SystemdUnit Read(string path)
    {
        var unit = new SystemdUnit();
        List<(string Name, string Value)>? current = null;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = [];
                unit.Sections[line[1..^1]] = current;
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (current is null || equals <= 0 || line.EndsWith('\\'))
            {
                unit.Malformed.Add(line);
                continue;
            }

            current.Add((line[..equals].Trim(), line[(equals + 1)..].Trim()));
        }

        return unit;
    }

    public IReadOnlyList<string> All(string section, string name) =>
        Sections.TryGetValue(section, out var directives) ? [.. directives.Where(directive => directive.Name == name).Select(directive => directive.Value)] : [];

    public string Single(string section, string name)
    {
        var values = All(section, name);
        values.Count.ShouldBe(1, $"[{section}] {name} is set {values.Count} times");
        return values[0];
    }
}
