using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Tenancy.Http.Contracts;

namespace Tenancy.Http.OpenApi;

/// <summary>
/// Makes the schemas say what the server does. Request bodies (<c>…Body</c> contracts): only [Required] properties are
/// required, null is allowed only where it means something ([NullMeans]), unknown members are refused. Answers: every
/// member is always present (null included) except those omitted when null, and new members may appear. Enums are
/// typed strings; [EmailAddress] is format email; [AllowedValues] is an enum.
/// </summary>
public sealed class ContractSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Enum is { Count: > 0 } && schema.Enum.All(v => v?.GetValueKind() == JsonValueKind.String))
            schema.Type = (schema.Type ?? 0) | JsonSchemaType.String;

        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object)
            DescribeObject(schema, context.JsonTypeInfo);
        if (context.JsonPropertyInfo is { } property)
            DescribeProperty(schema, property);
        return Task.CompletedTask;
    }

    public static bool IsRequestBody(Type type) => type.Namespace == typeof(ContactBody).Namespace && type.Name.EndsWith("Body", StringComparison.Ordinal);

    private static void DescribeProperty(OpenApiSchema schema, JsonPropertyInfo property)
    {
        var attributes = property.AttributeProvider;
        if (Has<EmailAddressAttribute>(attributes)) schema.Format = "email";
        if (Attribute<AllowedValuesAttribute>(attributes) is { } allowed)
        {
            schema.Enum = allowed.Values.Select(v => JsonValue.Create(v?.ToString())).Cast<JsonNode>().ToList();
            schema.Type = JsonSchemaType.String;
        }
        if (Attribute<DescriptionAttribute>(attributes) is { } description) schema.Description ??= description.Description;

        var omittedWhenNull = Attribute<JsonIgnoreAttribute>(attributes)?.Condition == JsonIgnoreCondition.WhenWritingNull;
        if (property.DeclaringType is { } declaring && IsRequestBody(declaring) && !Has<NullMeansAttribute>(attributes) || omittedWhenNull)
            NotNull(schema);
    }

    private static void DescribeObject(OpenApiSchema schema, JsonTypeInfo type)
    {
        if (type.Type.GetCustomAttribute<DescriptionAttribute>() is { } description) schema.Description ??= description.Description;
        if (IsRequestBody(type.Type))
        {
            schema.Required = type.Properties.Where(p => Has<RequiredAttribute>(p.AttributeProvider)).Select(p => p.Name).ToHashSet();
            schema.AdditionalPropertiesAllowed = false;
            return;
        }
        // Answers may gain members: clients must not refuse them.
        schema.AdditionalPropertiesAllowed = true;
        schema.AdditionalProperties = null;
        schema.Required = type.Properties
            .Where(p => Attribute<JsonIgnoreAttribute>(p.AttributeProvider)?.Condition != JsonIgnoreCondition.WhenWritingNull)
            .Select(p => p.Name).ToHashSet();
    }

    private static void NotNull(OpenApiSchema schema)
    {
        if (schema.Type is { } type) schema.Type = type & ~JsonSchemaType.Null;
        if (schema.Items is OpenApiSchema items) NotNull(items);
    }

    private static bool Has<T>(ICustomAttributeProvider? provider) where T : Attribute => Attribute<T>(provider) is not null;

    private static T? Attribute<T>(ICustomAttributeProvider? provider) where T : Attribute =>
        provider?.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().FirstOrDefault();
}
