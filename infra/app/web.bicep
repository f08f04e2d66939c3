// The web console (src/Tenancy.Console) as a Static Web App: static files only. Its calls go to the
// Function App, whose URL azd writes into the console's appsettings.json at deploy (azure.yaml), and
// whose CORS allows this site's origin only (app/api.bicep).
param name string
param location string
param tags object = {}
param serviceName string = 'web'

@allowed(['Free', 'Standard'])
param sku string = 'Free'

resource web 'Microsoft.Web/staticSites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  sku: {
    name: sku
    tier: sku
  }
  properties: {
    // azd uploads the built files; no linked repository or build pipeline.
    provider: 'Custom'
    allowConfigFileUpdates: true
  }
}

output name string = web.name
output uri string = 'https://${web.properties.defaultHostname}'
