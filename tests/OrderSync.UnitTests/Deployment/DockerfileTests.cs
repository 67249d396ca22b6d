using System.Text.RegularExpressions;

namespace OrderSync.UnitTests.Deployment;

/// <summary>
/// The two Dockerfiles against the repository, since no Docker engine builds them here: what they copy exists and is in
/// the build context, what they restore and publish exists, and the image runs what was published, unprivileged.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly string[] CentralBuildFiles = ["Directory.Packages.props", "Directory.Build.props", "global.json", ".editorconfig"];

    public static TheoryData<string, string> Images => new()
    {
        { "src/OrderSync.Worker/Dockerfile", "src/OrderSync.Worker/OrderSync.Worker.csproj" },
        { "src/OrderSync.Walmart.Sandbox/Dockerfile", "src/OrderSync.Walmart.Sandbox/OrderSync.Walmart.Sandbox.csproj" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Every_copy_source_exists_and_is_in_the_build_context(string dockerfilePath, string project)
    {
        _ = project;
        var dockerfile = Dockerfile.Read(DeploymentFiles.InRepository(dockerfilePath));
        var ignore = DockerIgnore.Read(DeploymentFiles.DockerIgnore);

        var copies = dockerfile.All("COPY").Where(copy => !copy.CopiesFromAnotherStage).ToList();
        copies.ShouldNotBeEmpty();
        foreach (var copy in copies)
        {
            foreach (var source in copy.Paths.SkipLast(1))
            {
                DeploymentFiles.ExistsInRepository(source).ShouldBeTrue($"{dockerfilePath}: COPY {source}: no such file or folder in the repository");
                ignore.Excludes(source).ShouldBeFalse($"{dockerfilePath}: COPY {source}: .dockerignore leaves it out of the build context");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void It_restores_and_publishes_the_project_in_release(string dockerfilePath, string project)
    {
        var dockerfile = Dockerfile.Read(DeploymentFiles.InRepository(dockerfilePath));

        dockerfile.ProjectsOf("publish").ShouldContain(project);
        dockerfile.ProjectsOf("restore").ShouldContain(project);
        dockerfile.ProjectsOf("publish").Concat(dockerfile.ProjectsOf("restore"))
            .ShouldAllBe(path => DeploymentFiles.ExistsInRepository(path), $"{dockerfilePath} names a project that does not exist");
        dockerfile.All("RUN").Where(run => run.Arguments.Contains("dotnet publish", StringComparison.Ordinal))
            .ShouldAllBe(run => Regex.IsMatch(run.Arguments, @"dotnet publish \S+ -c Release\b"));
        dockerfile.BaseImage(0).ShouldBe("mcr.microsoft.com/dotnet/sdk:10.0");
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void The_restore_layer_holds_the_central_build_files_and_every_referenced_project_file(string dockerfilePath, string project)
    {
        _ = project;
        var dockerfile = Dockerfile.Read(DeploymentFiles.InRepository(dockerfilePath));
        var firstRestore = dockerfile.Instructions.ToList().FindIndex(instruction => instruction.Keyword == "RUN" && instruction.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        firstRestore.ShouldBeGreaterThan(0, $"{dockerfilePath} restores in a RUN of its own");

        // Each file copied before the restore, and where it lands under the working directory (COPY a b/ keeps a's name).
        var copiedBeforeRestore = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var copy in dockerfile.Instructions.Take(firstRestore).Where(instruction => instruction.Keyword == "COPY" && !instruction.CopiesFromAnotherStage))
        {
            var destination = copy.Paths[^1];
            foreach (var source in copy.Paths.SkipLast(1))
            {
                var landsAt = destination.EndsWith('/') ? destination + Path.GetFileName(source) : destination == "./" ? Path.GetFileName(source) : destination;
                copiedBeforeRestore[DeploymentFiles.Normalize(source)] = DeploymentFiles.Normalize(landsAt);
            }
        }

        foreach (var file in CentralBuildFiles)
        {
            copiedBeforeRestore.ShouldContainKey(file, $"{dockerfilePath} copies {file} before restoring (restore and build read it)");
            copiedBeforeRestore[file].ShouldBe(file, $"{file} lands at the root of the working directory, above the projects");
        }

        foreach (var restored in dockerfile.ProjectsOf("restore"))
        {
            foreach (var projectFile in DeploymentFiles.ProjectClosure(restored))
            {
                copiedBeforeRestore.ShouldContainKey(projectFile, $"{dockerfilePath} restores {restored}, which needs {projectFile}, not copied before the restore");
                copiedBeforeRestore[projectFile].ShouldBe(projectFile, "each project file keeps its path, so that relative ProjectReferences resolve");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void The_runtime_image_runs_the_published_assembly_as_the_unprivileged_app_user(string dockerfilePath, string project)
    {
        var dockerfile = Dockerfile.Read(DeploymentFiles.InRepository(dockerfilePath));
        var last = dockerfile.LastStage;

        dockerfile.BaseImage(last).ShouldStartWith("mcr.microsoft.com/dotnet/aspnet:10.0");
        dockerfile.InStage(last, "USER").Last().Arguments.ShouldBeOneOf("$APP_UID", "${APP_UID}", "app");
        dockerfile.InStage(last, "ENTRYPOINT").Single().Words.ShouldBe(["dotnet", DeploymentFiles.AssemblyName(project) + ".dll"]);
        dockerfile.ExposedPorts.ShouldBe([8080]);
        dockerfile.InStage(last, "COPY").ShouldAllBe(copy => copy.CopiesFromAnotherStage, "the runtime image takes only what the build stage published");
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void The_health_check_gets_an_http_path_the_app_maps_on_the_exposed_port(string dockerfilePath, string project)
    {
        var dockerfile = Dockerfile.Read(DeploymentFiles.InRepository(dockerfilePath));
        var healthCheck = dockerfile.InStage(dockerfile.LastStage, "HEALTHCHECK").Single().Arguments;

        var request = Regex.Match(healthCheck, @"/dev/tcp/127\.0\.0\.1/(?<port>\d+).*GET (?<path>/\S*) HTTP/1\.1");
        request.Success.ShouldBeTrue($"{dockerfilePath}: the health check makes an HTTP GET on 127.0.0.1");
        dockerfile.ExposedPorts.ShouldContain(int.Parse(request.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));

        // The path is mapped by the app: as one literal ("/health/live"), or group by group ("/admin", then "/faults").
        var path = request.Groups["path"].Value;
        var sources = DeploymentFiles.Sources(Path.GetDirectoryName(project)!);
        var mapped = sources.Contains($"\"{path}\"", StringComparison.Ordinal)
            || path.Split('/', StringSplitOptions.RemoveEmptyEntries).All(segment => sources.Contains($"\"/{segment}\"", StringComparison.Ordinal));
        mapped.ShouldBeTrue($"{dockerfilePath}: the health check gets {path}, which {project}'s code does not map");
    }

    [Fact]
    public void The_worker_image_checks_liveness()
    {
        var dockerfile = Dockerfile.Read(DeploymentFiles.WorkerDockerfile);

        dockerfile.InStage(dockerfile.LastStage, "HEALTHCHECK").Single().Arguments.ShouldContain("GET /health/live ");
    }

    [Fact]
    public void The_worker_image_keeps_health_and_metrics_on_loopback()
    {
        var dockerfile = Dockerfile.Read(DeploymentFiles.WorkerDockerfile);

        dockerfile.InStage(dockerfile.LastStage, "ENV").ShouldNotContain(
            env => env.Arguments.Contains("Health__Urls", StringComparison.Ordinal), "the image chooses where health listens; the deployment should");
    }

    [Fact]
    public void The_build_context_leaves_out_build_outputs_local_state_and_history()
    {
        var ignore = DockerIgnore.Read(DeploymentFiles.DockerIgnore);

        foreach (var path in new[] { "src/OrderSync.Worker/bin", "src/OrderSync.Worker/obj", ".services", "artifacts", ".git", "tests/OrderSync.UnitTests/TestResults", "TestResults", "compose/.env" })
        {
            ignore.Excludes(path).ShouldBeTrue($".dockerignore does not leave out {path}");
        }

        ignore.Excludes("src/OrderSync.Worker/Program.cs").ShouldBeFalse();
    }
}
