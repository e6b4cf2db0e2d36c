// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-ticket-catalog-order-for-manager.

const INSTANCE = 'https://fourthcoffee.service-now.com';
const ITEM = '060f3afa3731300054b6a3549dbe5d3e';

export default defineFunction({
  name: 'fresh-ticket-catalog-order-for-manager',
  description: 'Orders the New Hire Laptop catalog item, requested for the joiner\'s manager (looked up by email).',
  trigger: 'user.joined',
  egress: ['fourthcoffee.service-now.com'],
  secrets: [{ name: 'SNOW_PASSWORD', hosts: ['fourthcoffee.service-now.com'] }],
  async run(event, ctx) {
    const { person } = event;
    const manager = person.managerEmail?.trim();
    if (!manager) throw new Error(`no manager email for ${person.employeeId}`);
    const auth = { basic: { username: 'joinery.integration', password: { secret: 'SNOW_PASSWORD' } } };
    const query = `sysparm_query=email%3D${encodeURIComponent(manager)}&sysparm_fields=sys_id&sysparm_limit=1`;
    const found = await ctx.http.fetch(`${INSTANCE}/api/now/table/sys_user?${query}`, { method: 'GET', auth });
    if (!found.ok) throw new Error(`ServiceNow user lookup answered HTTP ${found.status}`);
    const { result } = (await found.json()) as { result?: Array<{ sys_id?: string }> };
    const managerId = result?.[0]?.sys_id;
    if (!managerId) throw new Error(`the manager ${manager} is not a ServiceNow user`);
    const ordered = await ctx.http.fetch(`${INSTANCE}/api/sn_sc/servicecatalog/items/${ITEM}/order_now`, {
      method: 'POST',
      auth,
      body: {
        sysparm_quantity: '1',
        sysparm_requested_for: managerId,
        variables: {
          new_hire_name: `${person.firstName} ${person.lastName}`,
          start_date: person.startDate,
          model: person.department === 'Engineering' ? 'macbook_pro_16' : 'macbook_air_13',
        },
      },
    });
    if (!ordered.ok) throw new Error(`ServiceNow order_now answered HTTP ${ordered.status}`);
    const order = (await ordered.json()) as { result?: { request_number?: string } };
    return { requestNumber: order.result?.request_number };
  },
});
