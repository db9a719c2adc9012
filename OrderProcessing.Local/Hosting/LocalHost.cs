using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OrderProcessing.Core.Notifications;
using OrderProcessing.Core.Orders;
using OrderProcessing.Local.Diagnostics;
using OrderProcessing.Local.Gateway;
using OrderProcessing.Local.Identity;
using OrderProcessing.Local.Mail;
using OrderProcessing.Local.Notifications;
using OrderProcessing.Local.Operations;
using OrderProcessing.Local.Sqs;
using OrderProcessing.Local.Sweeping;
using OrderProcessing.Topology;
using OrderProcessing.Transport.Delivery;
using OrderProcessing.Transport.Dispatch;

namespace OrderProcessing.Local.Hosting;

/// <summary>
/// Builds and runs the local host: Kestrel on the configured address, the page from <c>wwwroot</c>, local diagnostics
/// under <c>/_local</c>, every other request through the API function, the stage dispatcher and the notification
/// forwarder. Stopping (Ctrl+C) closes the web server first, then lets stage work in flight finish, then flushes
/// notifications.
/// </summary>
public static partial class LocalHost
{
    /// <summary>Parses options from the command line and environment, runs until Ctrl+C, and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        LocalOptions options;
        try
        {
            var environment = Environment.GetEnvironmentVariables()
                .Cast<System.Collections.DictionaryEntry>()
                .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
            options = LocalOptionsParser.Parse(args, environment);
        }
        catch (OptionsException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        if (options.ShowHelp)
        {
            await Console.Out.WriteAsync(LocalOptionsParser.Usage).ConfigureAwait(false);
            return 0;
        }

        WebApplication app;
        try
        {
            app = await BuildAsync(options, LocalSystemFactory.CreateAsync).ConfigureAwait(false);
        }
        catch (OptionsException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonClientException or Amazon.Runtime.AmazonServiceException or HttpRequestException)
        {
            // Storage that cannot be reached or used (no credentials, wrong endpoint, missing table) is a setup problem, not a crash.
            await Console.Error.WriteLineAsync($"error: the storage could not be used: {e.Message}").ConfigureAwait(false);
            await Console.Error.WriteLineAsync("Check --dynamodb-endpoint, --s3-endpoint and --region, AWS credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or a profile), and --create-tables for new storage.").ConfigureAwait(false);
            return 1;
        }

        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.RunAsync().ConfigureAwait(false);
            }
            catch (IOException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) || e.InnerException is System.Net.Sockets.SocketException)
            {
                await Console.Error.WriteLineAsync($"error: cannot listen on {options.Bind}:{options.Port}: {e.Message} Choose another with --port.").ConfigureAwait(false);
                return 1;
            }
        }

        return 0;
    }

    /// <summary>Builds the host over the system <paramref name="createSystem"/> composes.</summary>
    public static async Task<WebApplication> BuildAsync(
        LocalOptions options,
        Func<LocalOptions, ILoggerFactory, TimeProvider, CancellationToken, Task<LocalSystem>> createSystem)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(createSystem);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Options are ours, parsed above; the content root is the build output, where the page's files are copied.
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(c => c.FormatterName = LocalConsoleFormatter.FormatterName);
        builder.Logging.AddConsoleFormatter<LocalConsoleFormatter, ConsoleFormatterOptions>();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(options.Bind, options.Port));

        // Stage work in flight may take up to its function timeout; the host waits that long for it, and a little more.
        var longestStage = SystemTopology.QueueFunctions.Max(s => s.TimeoutSeconds);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(longestStage + 15));

        var clock = TimeProvider.System;
        var notificationsPath = Path.GetFullPath(options.NotificationsFile);
        JsonLinesNotificationSink notifications;
        try
        {
            notifications = new JsonLinesNotificationSink(notificationsPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OptionsException($"--notifications-file {notificationsPath} cannot be written: {e.Message}", e);
        }

        var dispatcherOptions = new DispatcherOptions
        {
            DeliveryDelay = options.DeliveryDelay,
            RetryDelay = options.RetryDelay,
            MaxRetryDelay = options.MaxRetryDelay,
            Region = options.Region,
        };

        // The system is composed after the container is built, so the functions log through the host's loggers; the
        // services below that need it resolve it from this slot, filled before any of them is resolved.
        var slot = new SystemSlot();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => slot);
        builder.Services.AddSingleton(_ => notifications);
        builder.Services.AddSingleton(sp => new NotificationForwarder(
            [new LoggingNotificationSink(sp.GetRequiredService<ILogger<LoggingNotificationSink>>()), sp.GetRequiredService<JsonLinesNotificationSink>()],
            sp.GetRequiredService<ILogger<NotificationForwarder>>()));
        builder.Services.AddSingleton(sp => new StageDispatcher(
            SystemTopology.QueueFunctions,
            slot.System.StageFunction,
            dispatcherOptions,
            clock,
            sp.GetRequiredService<ILogger<StageDispatcher>>(),
            slot.System.FailureCauses));

        // The token authority (its issuer is the base URL, known once the server listens); the authorizer uses it unless --auth none.
        builder.Services.AddSingleton(sp => new LocalTokenIssuer(() => BaseUrl(sp.GetRequiredService<IServer>(), options), clock));
        builder.Services.AddSingleton(sp => new LocalAuthorizer(
            options.Auth == AuthMode.Cognito ? sp.GetRequiredService<LocalTokenIssuer>() : null,
            new RouteAccessMap(SystemTopology.ApiRoutes),
            LocalSettings.For(options)[SettingNames.CorsAllowOrigin],
            sp.GetRequiredService<ILogger<LocalAuthorizer>>()));
        builder.Services.AddSingleton(sp => new ApiGatewayProxy(
            slot.System.Api,
            TimeSpan.FromSeconds(SystemTopology.Api.TimeoutSeconds),
            ApiGatewayRequestEncoder.LocalDeployment,
            clock,
            sp.GetRequiredService<LocalAuthorizer>(),
            sp.GetRequiredService<ILogger<ApiGatewayProxy>>()));

        // Hosted services stop in reverse order: the web server (added by the framework after these) first, then the
        // dispatcher (stage work in flight finishes and may still emit notifications), then the forwarder flushes.
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NotificationForwarder>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StageDispatcher>());

        // Stops before the dispatcher, so no sweep queues work into a stopping pipeline.
        builder.Services.AddHostedService(sp => new StuckOrderSweepTimer(slot, options, clock, sp.GetRequiredService<ILogger<StuckOrderSweepTimer>>()));

        var app = builder.Build();
        LocalSystem system;
        int seeded;
        try
        {
            system = await createSystem(options, app.Services.GetRequiredService<ILoggerFactory>(), clock, CancellationToken.None).ConfigureAwait(false);
            slot.Fill(system);
            seeded = options.SeedsCatalog ? await system.SeedCatalogAsync(CancellationToken.None).ConfigureAwait(false) : 0;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var forwarder = app.Services.GetRequiredService<NotificationForwarder>();
        var dispatcher = app.Services.GetRequiredService<StageDispatcher>();
        system.ChangeFeed.Subscribe(forwarder);
        system.ChangeFeed.Subscribe(dispatcher);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OrderProcessing.Local");
        if (system.ResumeFrom is { } stored)
        {
            var requeued = await UnfinishedOrders.RequeueAsync(stored, dispatcher, clock, CancellationToken.None).ConfigureAwait(false);
            LogRequeued(logger, requeued.Values.Sum(), requeued.Count == 0 ? "none" : string.Join(", ", requeued.Select(r => $"{r.Key.ToWire()} {r.Value}")));
        }

        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = f => f.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseRouting();
        DiagnosticsEndpoints.Map(app, dispatcher);
        SqsApiServer.Map(app, new LocalSqsService(dispatcher, options.Region, clock));
        if (system.StuckOrders is { } stuckOrders)
        {
            OperatorEndpoints.Map(app, stuckOrders);
        }

        MailEndpoints.Map(app, system.Mail);

        // Mapped with --auth none too, so a page or script that signs in first works either way (its tokens are then ignored).
        TokenEndpoints.Map(app, app.Services.GetRequiredService<LocalTokenIssuer>(), app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TokenEndpoints).FullName!));

        var proxy = app.Services.GetRequiredService<ApiGatewayProxy>();
        app.MapFallback("{**path}", proxy.HandleAsync);

        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() => OnStarted(app, options, system.StorageDescription, seeded, notificationsPath, system.Mail, logger));
        lifetime.ApplicationStopping.Register(() => LogStopping(logger));
        lifetime.ApplicationStopped.Register(() =>
        {
            if (dispatcher.StoppedCleanly)
            {
                LogStopped(logger);
            }
            else
            {
                LogStoppedUnclean(logger);
            }
        });
        return app;
    }

    /// <summary>The first address the server listens on, after it started (the actual port when 0 was asked).</summary>
    public static Uri ListeningAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address);
    }

    // The address a browser on this machine can open: a wildcard bind is reachable on loopback too. Also the local tokens' issuer.
    private static string BaseUrl(IServer server, LocalOptions options)
    {
        var listening = new Uri(server.Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        var host = options.Bind.Equals(IPAddress.Any) || options.Bind.Equals(IPAddress.IPv6Any) ? "127.0.0.1" : listening.Host;
        return new UriBuilder(listening) { Host = host }.Uri.ToString().TrimEnd('/');
    }

    private static void OnStarted(WebApplication app, LocalOptions options, string storage, int seeded, string notificationsPath, LocalMail mail, ILogger logger)
    {
        var baseUrl = BaseUrl(app.Services.GetRequiredService<IServer>(), options);
        var exposed = !(options.Bind.Equals(IPAddress.Loopback) || options.Bind.Equals(IPAddress.IPv6Loopback));
        var lines = new[]
        {
            "",
            $"OrderProcessing is running locally: {storage}{(seeded > 0 ? $", demo catalog of {seeded} products" : "")}.",
            $"  Web page        {baseUrl}/",
            $"  API base URL    {baseUrl}   (for example: curl {baseUrl}/products)",
            $"  Dead letters    {baseUrl}/_local/dead-letters (orderops --local {baseUrl} dead-letters list)",
            $"  Notifications   {notificationsPath}",
            $"  Customer mail   {mail.Description}: {baseUrl}{MailEndpoints.Path}",
            options.Auth == AuthMode.Cognito
                ? $"  Sign-in tokens  POST {baseUrl}{TokenEndpoints.Path}   (development sign-in, this machine only: {{\"subject\":\"c-42\",\"email\":\"jane@example.com\",\"groups\":[\"operators\"]}})"
                : "  WARNING: --auth none: tokens are not checked and every caller is an operator.",
            !exposed
                ? "  Only this machine can reach it (loopback)."
                : $"  WARNING: bound to {options.Bind}: other machines can reach this API{(options.Auth == AuthMode.None ? ", with no token checking" : "")}.",
            "Press Ctrl+C to stop.",
            "",
        };
        Console.Out.Write(string.Join(Environment.NewLine, lines) + Environment.NewLine);
        Console.Out.Flush();
        if (options.Auth == AuthMode.Cognito)
        {
            LogTokensRoute(logger, baseUrl + TokenEndpoints.Path, LocalTokenIssuer.Audience);
        }
        else
        {
            LogAuthOff(logger);
        }

        LogReady(logger, baseUrl);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued again {Count} unfinished order(s) found in storage: {ByStatus}")]
    private static partial void LogRequeued(ILogger logger, int count, string byStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tokens are checked as API Gateway's Cognito authorizer checks them (audience {Audience}); POST {TokensUrl} mints development tokens for callers on this machine only (it exists only on the local host)")]
    private static partial void LogTokensRoute(ILogger logger, string tokensUrl, string audience);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AUTH IS OFF (--auth none): no token is checked and the API function treats every caller as an operator (API_AUTH=none). Use it for scripts and load tools only")]
    private static partial void LogAuthOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ready at {BaseUrl}")]
    private static partial void LogReady(ILogger logger, string baseUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: the web server stops taking requests and finishes those in progress; stage work in flight finishes; notifications are flushed")]
    private static partial void LogStopping(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped cleanly: no request or stage batch was left half-done")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Stopped with stage work still running after the shutdown timeout; see the dispatcher's messages above")]
    private static partial void LogStoppedUnclean(ILogger logger);
}
