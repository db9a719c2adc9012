using System.Collections.Immutable;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Storage;
using OrderProcessing.Infra.Components;
using OrderProcessing.Infra.Plan;
using OrderProcessing.Infra.Plan.Functions;
using OrderProcessing.Infra.Plan.Iam;
using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Infra.Plan.Shop;
using Pulumi;
using Aws = Pulumi.Aws;

namespace OrderProcessing.Infra;

/// <summary>
/// The whole system in one stack: tables, the invoices bucket, topics, one pipeline stage per stage of the topology, the
/// API and monitoring. Everything is derived from the plan of the stack's settings; nothing here repeats the topology.
/// </summary>
public sealed class OrderProcessingStack : Stack
{
    /// <summary>Reads the stack's settings, plans the stack and creates it.</summary>
    public OrderProcessingStack()
    {
        var config = new Config(SettingKeys.Namespace);
        var settings = StackSettings.Load(config.Get);
        // Role names carry the region (roles are account-wide); the provider deploys to the same aws:region.
        var plan = DeploymentPlan.Create(Deployment.Instance.StackName, new Config("aws").Require("region"), settings);
        // One package for every function: the Native AOT executable, zipped with its executable mode (see LambdaArtifact.Package).
        var packagePath = LambdaArtifact.Package(LambdaArtifact.Locate(settings.ArtifactPath, ProjectRoot()));

        // The state of orders, stock, payments and idempotency; the orders stream drives the pipeline.
        var tables = new DynamoDbTables("tables", new DynamoDbTablesArgs { Tables = plan.Tables });
        // Invoice PDFs, read through presigned links.
        var buckets = plan.Buckets.ToDictionary(
            b => b.Schema.LogicalName,
            b =>
            {
                var bucket = new PrivateBucket(b.Schema.LogicalName, PrivateBucketArgs.For(b));
                // Refuse plain HTTP: presigned links and the functions all use TLS. "tls-only" is the deployed resource name.
                bucket.SetPolicy("tls-only", bucket.Arn.Apply(arn => BucketPolicies.DenyInsecureTransport(arn).ToJson()));
                return bucket;
            });
        var bucketArns = ByLogicalName(buckets, b => b.Arn);
        var bucketNames = ByLogicalName(buckets, b => b.BucketName);
        var ordersStream = tables.StreamArn(StorageSchema.Orders);

        // The one reader of the orders stream and the topic it feeds, alarms for operators, and the pipe's dead letters.
        var notifications = new Notifications("notifications", new NotificationsArgs
        {
            Notifications = plan.Notifications,
            OrdersStreamArn = ordersStream,
        });

        // Customer e-mail: the sender's identity and the configuration set, with bounces and complaints to operators.
        var mail = new CustomerMail("customer-mail", new CustomerMailArgs
        {
            Mail = plan.CustomerMail,
            OperationsTopicArn = notifications.OperationsTopicArn,
        });
        var mailArns = Output.Tuple(mail.IdentityArn, mail.ConfigurationSetArn).Apply(arns => (Identity: arns.Item1, ConfigurationSet: arns.Item2));

        // The shop page: a private bucket behind CloudFront, whose URL the sign-in and the API's CORS origin name.
        var repositoryRoot = ProjectRoot();
        var shop = new ShopPage("shop", new ShopPageArgs { Shop = plan.Shop, RepositoryRoot = repositoryRoot });

        // Sign-in for customers and operators, on stacks that authenticate callers with Cognito.
        var signIn = plan.SignIn is { } signInPlan
            ? new SignIn("sign-in", new SignInArgs { SignIn = signInPlan, ShopUrl = shop.Url })
            : null;

        InputMap<string> EnvironmentOf(FunctionPlan function) =>
            FunctionEnvironment.Resolve<Input<string>>(
                function.Definition,
                settings,
                plan.Names,
                literal => literal,
                bucket => bucketNames.Apply(names => names[bucket.LogicalName]),
                () => shop.Origin)
            .Aggregate(new InputMap<string>(), (map, variable) =>
            {
                map.Add(variable.Key, variable.Value);
                return map;
            });

        // One stage per stage function of the topology, all built the same way.
        var stages = plan.Stages.ToDictionary(
            stage => stage.Function.Definition.Name,
            stage => new PipelineStage(stage.Function.Definition.Name, new PipelineStageArgs
            {
                Stage = stage,
                PackagePath = packagePath,
                Environment = EnvironmentOf(stage.Function),
                TableArns = tables.Arns,
                BucketArns = bucketArns,
                OrderEventsTopicArn = notifications.OrderEventsTopicArn,
                AlarmTopicArn = notifications.OperationsTopicArn,
                MailArns = stage.Function.Definition.Permissions.Any(p => p.Resource.Kind == ResourceKind.MailIdentity) ? mailArns : null,
            }));

        // The public HTTP contract.
        var api = new Api("api", new ApiArgs
        {
            Api = plan.Api,
            Function = plan.ApiFunction,
            PackagePath = packagePath,
            Environment = EnvironmentOf(plan.ApiFunction),
            TableArns = tables.Arns,
            BucketArns = bucketArns,
            UserPoolArn = signIn?.UserPoolArn,
            ShopOrigin = settings.CorsAllowsShopOnly ? shop.Origin : null,
        });

        // The page's configuration: where the API is and how to sign in. Written last: it names the API and the client.
        string? noClient = null;
        var clientId = signIn?.ClientId.Apply(id => (string?)id) ?? Output.Create(noClient);
        _ = new Aws.S3.BucketObjectv2("shop-config", new Aws.S3.BucketObjectv2Args
        {
            Bucket = shop.BucketName,
            Key = ShopPlan.ConfigKey,
            Content = Output.Tuple(api.Url, shop.Url, clientId).Apply(t => plan.Shop.Config(t.Item1, t.Item2, t.Item3)),
            ContentType = ShopPlan.ContentType(ShopPlan.ConfigKey),
            CacheControl = ShopPlan.CacheControl,
        }, new CustomResourceOptions { Parent = shop });

        // Functions the clock invokes: the stuck-order sweeper, every few minutes.
        foreach (var schedule in plan.Schedules)
        {
            _ = new ScheduledFunction(schedule.Function.Definition.Name, new ScheduledFunctionArgs
            {
                Schedule = schedule,
                PackagePath = packagePath,
                Environment = EnvironmentOf(schedule.Function),
                TableArns = tables.Arns,
                BucketArns = bucketArns,
            });
        }

        // What operators watch: function and API alarms and the dashboard.
        var monitoring = new Monitoring("monitoring", new MonitoringArgs
        {
            Plan = plan,
            AlarmTopicArn = notifications.OperationsTopicArn,
            // The region of the deployment, read from a resource it created rather than from provider configuration.
            Region = ordersStream.Apply(arn => Arn.Parse(arn).Region),
        });

        ApiUrl = api.Url;
        ApiAuth = Output.Create(settings.ApiAuth.Spelling());
        ShopUrl = shop.Url;
        ShopBucket = shop.BucketName;
        UserPoolId = signIn?.UserPoolId.Apply(id => (string?)id) ?? Output.Create(noClient);
        UserPoolClientId = clientId;
        SignInUrl = signIn?.HostedUiUrl.Apply(url => (string?)url) ?? Output.Create(noClient);
        ApiKey = api.ApiKeyValue;
        Tables = tables.Names;
        InvoicesBucket = bucketNames.Apply(names => names[StorageSchema.Invoices.LogicalName]);
        Queues = ByLogicalName(stages, s => s.QueueName);
        DeadLetterQueues = ByLogicalName(stages, s => s.DeadLetterQueueUrl);
        PipeDeadLetterQueue = notifications.PipeDeadLetterQueueUrl;
        Functions = ByLogicalName(stages, s => s.FunctionName)
            .Apply(names => names.Add(plan.ApiFunction.Definition.Name, plan.ApiFunction.Name).AddRange(plan.Schedules.Select(s => KeyValuePair.Create(s.Function.Definition.Name, s.Function.Name))));
        OrderEventsTopicArn = notifications.OrderEventsTopicArn;
        OperationsTopicArn = notifications.OperationsTopicArn;
        DashboardName = monitoring.DashboardName;
        MailSenderIdentity = Output.Create(plan.CustomerMail.SenderAddress);
    }

    /// <summary>The SES identity customer e-mail is sent from; verify it with the link SES e-mails to it (README, SES sandbox).</summary>
    [Output("mailSenderIdentity")]
    public Output<string> MailSenderIdentity { get; }

    /// <summary>The API's base URL; append a path such as <c>orders</c>.</summary>
    [Output("apiUrl")]
    public Output<string> ApiUrl { get; }

    /// <summary>The shop page's URL on CloudFront.</summary>
    [Output("shopUrl")]
    public Output<string> ShopUrl { get; }

    /// <summary>The bucket holding the shop page (private; read through CloudFront only).</summary>
    [Output("shopBucket")]
    public Output<string> ShopBucket { get; }

    /// <summary>The Cognito user pool's id, for <c>aws cognito-idp admin-add-user-to-group</c>; null without Cognito.</summary>
    [Output("userPoolId")]
    public Output<string?> UserPoolId { get; }

    /// <summary>The shop page's Cognito app client id; null without Cognito.</summary>
    [Output("userPoolClientId")]
    public Output<string?> UserPoolClientId { get; }

    /// <summary>The Cognito hosted UI's base URL (sign-in, sign-up, sign-out); null without Cognito.</summary>
    [Output("signInUrl")]
    public Output<string?> SignInUrl { get; }

    /// <summary>How the API authenticates callers: <c>cognito</c>, <c>iam</c> or <c>apiKey</c>.</summary>
    [Output("apiAuth")]
    public Output<string> ApiAuth { get; }

    /// <summary>The API key to send in <c>x-api-key</c> (secret); null with IAM authentication.</summary>
    [Output("apiKey")]
    public Output<string?> ApiKey { get; }

    /// <summary>Physical table name by logical name.</summary>
    [Output("tables")]
    public Output<ImmutableDictionary<string, string>> Tables { get; }

    /// <summary>The invoices bucket's name.</summary>
    [Output("invoicesBucket")]
    public Output<string> InvoicesBucket { get; }

    /// <summary>Stage queue name by stage.</summary>
    [Output("queues")]
    public Output<ImmutableDictionary<string, string>> Queues { get; }

    /// <summary>Dead-letter queue URL by stage, for <c>aws sqs receive-message</c> and redrives.</summary>
    [Output("deadLetterQueues")]
    public Output<ImmutableDictionary<string, string>> DeadLetterQueues { get; }

    /// <summary>The URL of the queue where the stream pipe records order transitions it could not publish.</summary>
    [Output("pipeDeadLetterQueue")]
    public Output<string> PipeDeadLetterQueue { get; }

    /// <summary>Function name by topology name, for <c>aws logs tail</c> and <c>aws lambda invoke</c>.</summary>
    [Output("functions")]
    public Output<ImmutableDictionary<string, string>> Functions { get; }

    /// <summary>The topic every order transition is published to as an envelope; subscribe consumers here.</summary>
    [Output("orderEventsTopicArn")]
    public Output<string> OrderEventsTopicArn { get; }

    /// <summary>The topic alarms notify; subscribe on-call tooling here.</summary>
    [Output("operationsTopicArn")]
    public Output<string> OperationsTopicArn { get; }

    /// <summary>The CloudWatch dashboard.</summary>
    [Output("dashboardName")]
    public Output<string> DashboardName { get; }

    private static Output<ImmutableDictionary<string, string>> ByLogicalName<TComponent>(
        IReadOnlyDictionary<string, TComponent> components, Func<TComponent, Output<string>> value) =>
        Output.All(components.Select(c => value(c.Value).Apply(v => KeyValuePair.Create(c.Key, v))))
            .Apply(pairs => pairs.ToImmutableDictionary());

    // The folder of Pulumi.yaml, against which a relative artifact path is resolved. Pulumi CLIs too old to report it run
    // the program from the project's main folder, so the fallback walks up from there.
    private static string ProjectRoot()
    {
        try
        {
            return Deployment.Instance.RootDirectory;
        }
        catch (InvalidOperationException)
        {
            for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Pulumi.yaml")))
                {
                    return folder.FullName;
                }
            }

            return Directory.GetCurrentDirectory();
        }
    }
}
