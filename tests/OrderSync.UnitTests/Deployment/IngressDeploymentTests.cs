using System.Globalization;
using System.Text.RegularExpressions;
using OrderSync.Ingress.Hosting;

namespace OrderSync.UnitTests.Deployment;

/// <summary>
/// The ingress's image, compose service and systemd unit, held to what the worker's are (DockerfileTests, ComposeFileTests,
/// SystemdUnitTests) and to what the ingress reads: its own ports, its keys, and nothing of the worker's.
/// </summary>
public sealed class IngressDeploymentTests
{
    private const string Project = "src/OrderSync.Ingress/OrderSync.Ingress.csproj";
    private static readonly string[] CentralBuildFiles = ["Directory.Packages.props", "Directory.Build.props", "global.json", ".editorconfig"];
    private static readonly string DockerfilePath = DeploymentFiles.InRepository("src/OrderSync.Ingress/Dockerfile");
    private static readonly string UnitPath = DeploymentFiles.InRepository("ops/systemd/ordersync-ingress.service");
    private static readonly string EnvExamplePath = DeploymentFiles.InRepository("ops/systemd/ordersync-ingress.env.example");
    private static readonly string IngressSources = DeploymentFiles.Sources("src/OrderSync.Ingress");

    private readonly Dockerfile _dockerfile = Dockerfile.Read(DockerfilePath);

    [Fact]
    public void The_image_copies_what_exists_and_restores_every_referenced_project_before_its_sources()
    {
        var ignore = DockerIgnore.Read(DeploymentFiles.DockerIgnore);
        foreach (var source in _dockerfile.All("COPY").Where(copy => !copy.CopiesFromAnotherStage).SelectMany(copy => copy.Paths.SkipLast(1)))
        {
            DeploymentFiles.ExistsInRepository(source).ShouldBeTrue($"COPY {source}: no such file or folder");
            ignore.Excludes(source).ShouldBeFalse($"COPY {source}: left out of the build context");
        }

        _dockerfile.ProjectsOf("restore").ShouldBe([Project]);
        _dockerfile.ProjectsOf("publish").ShouldBe([Project]);
        var firstRestore = _dockerfile.Instructions.ToList().FindIndex(instruction => instruction.Keyword == "RUN" && instruction.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        var copiedBeforeRestore = _dockerfile.Instructions.Take(firstRestore).Where(instruction => instruction.Keyword == "COPY")
            .SelectMany(copy => copy.Paths.SkipLast(1)).Select(DeploymentFiles.Normalize).ToHashSet();
        DeploymentFiles.ProjectClosure(Project).ShouldAllBe(file => copiedBeforeRestore.Contains(file), "each project file it restores is copied first");
        CentralBuildFiles.ShouldAllBe(file => copiedBeforeRestore.Contains(file));
    }

    [Fact]
    public void The_image_runs_the_published_ingress_unprivileged_and_checks_liveness_on_the_health_port()
    {
        var last = _dockerfile.LastStage;
        _dockerfile.BaseImage(last).ShouldStartWith("mcr.microsoft.com/dotnet/aspnet:10.0");
        _dockerfile.InStage(last, "USER").Last().Arguments.ShouldBe("$APP_UID");
        _dockerfile.InStage(last, "ENTRYPOINT").Single().Words.ShouldBe(["dotnet", DeploymentFiles.AssemblyName(Project) + ".dll"]);
        _dockerfile.ExposedPorts.ShouldBe([Port(new IngressOptions().Urls), Port(new HealthOptions().Urls)]);
        _dockerfile.InStage(last, "ENV").ShouldNotContain(env => env.Arguments.Contains("Urls", StringComparison.Ordinal), "the deployment chooses where it listens");

        var check = Regex.Match(_dockerfile.InStage(last, "HEALTHCHECK").Single().Arguments, @"/dev/tcp/127\.0\.0\.1/(?<port>\d+).*GET (?<path>/\S*) HTTP/1\.1");
        int.Parse(check.Groups["port"].Value, CultureInfo.InvariantCulture).ShouldBe(Port(new HealthOptions().Urls));
        check.Groups["path"].Value.ShouldBe("/health/live");
        IngressSources.ShouldContain("\"/health/live\"");
    }

    [Fact]
    public void The_compose_service_is_built_here_listens_where_it_publishes_and_reaches_the_files_broker()
    {
        var compose = ComposeFile.Load();
        var ingress = compose.Services["ingress"];

        ingress.Build!.Value.Dockerfile.ShouldBe(DockerfilePath);
        var environment = ingress.Environment;
        environment.Keys.ShouldBe(["ConnectionStrings__RabbitMq", "Ingress__ClientId", "Ingress__PublicKeyBaseUrl", "Ingress__Urls", "Health__Urls", "Logging__Format"], ignoreOrder: true);
        var workersBroker = new Uri(compose.Services["worker"].SecretValue("ConnectionStrings__RabbitMq"));
        new Uri(environment["ConnectionStrings__RabbitMq"]).GetLeftPart(UriPartial.Authority).Split('@')[^1].ShouldBe(workersBroker.GetLeftPart(UriPartial.Authority).Split('@')[^1]);
        ingress.ContainerPorts.ShouldBe([Port(environment["Ingress__Urls"]), Port(environment["Health__Urls"])]);
        ingress.PublishedHostAddresses.ShouldAllBe(address => address == "127.0.0.1");
        ingress.HealthCheck!.ShouldContain($"/dev/tcp/127.0.0.1/{Port(environment["Health__Urls"])}");
        new IngressOptionsValidator().Validate(null, new IngressOptions { ClientId = "x", PublicKeyBaseUrl = new Uri(environment["Ingress__PublicKeyBaseUrl"]) }).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void The_unit_runs_the_published_ingress_hardened_under_a_user_of_its_own()
    {
        var unit = SystemdUnit.Read(UnitPath);

        unit.Malformed.ShouldBeEmpty();
        unit.Single("Service", "ExecStart").ShouldBe($"/usr/bin/dotnet /opt/ordersync/ingress/{DeploymentFiles.AssemblyName(Project)}.dll");
        unit.Single("Service", "EnvironmentFile").ShouldBe("/etc/ordersync/ingress.env");
        unit.Single("Service", "DynamicUser").ShouldBe("yes");
        unit.Single("Service", "RestartPreventExitStatus").Split(' ').ShouldContain("78");
        IngressSources.ShouldContain("return 78;");
        foreach (var (name, value) in SystemdUnit.Read(DeploymentFiles.SystemdUnit).Sections["Service"]
            .Where(directive => directive.Name.StartsWith("Protect", StringComparison.Ordinal) || directive.Name.StartsWith("Restrict", StringComparison.Ordinal) || directive.Name == "NoNewPrivileges"))
        {
            unit.Single("Service", name).ShouldBe(value, $"[Service] {name} as the worker's");
        }
    }

    [Fact]
    public void The_env_example_sets_the_required_keys_keeps_health_on_loopback_and_names_only_keys_the_ingress_reads()
    {
        var settings = ComposeFile.ReadEnvFile(EnvExamplePath);

        settings.Keys.ShouldContain("ConnectionStrings__RabbitMq");
        settings.Keys.ShouldContain("Ingress__ClientId");
        new Uri(settings["Health__Urls"]).IsLoopback.ShouldBeTrue();
        foreach (var key in settings.Keys.Concat(Commented(EnvExamplePath)))
        {
            var property = key.Split("__")[^1];
            IngressSources.ShouldContain(property, Case.Sensitive, $"{key} is not read by the ingress");
        }
    }

    private static int Port(string urls) => new Uri(urls.Split(';')[0]).Port;

    private static IEnumerable<string> Commented(string path) =>
        File.ReadAllLines(path).Select(line => Regex.Match(line, @"^#\s*(?<key>[A-Z][A-Za-z]+__[A-Za-z_]+)=")).Where(match => match.Success).Select(match => match.Groups["key"].Value);
}
