using Tenancy.TestSupport;

namespace Tenancy.Client.Tests;

[CollectionDefinition(Name)]
public sealed class LocalHostCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "Local host";
}
