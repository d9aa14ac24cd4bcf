import { graphiqlTabs } from './graphiql.route';

describe('graphiqlTabs', () => {
  it('opens on the analyst overview, then one tab per operation, by name, with its role and a variables skeleton', () => {
    const tabs = graphiqlTabs([
      { name: 'venue-sessions', document: 'query VenueSessions($venueId: ID!, $first: Int, $states: [String!]) { venue(id: $venueId) { name } }' },
      { name: 'funder-programme', document: '# a comment\nquery FunderProgrammes($funderId: ID!) { funder(id: $funderId) { name } }' },
      { name: 'public-figures', document: '{ programmes { name } }' },
      { name: 'CoordinatorProgramme', document: 'query CoordinatorProgramme { programmes { name } }' },
    ]);
    expect(tabs.map((t) => t.role)).toEqual(['analyst', 'coordinator', 'funder', 'partner', 'venue']);
    expect(tabs[0]!.query).toContain('query ProgrammeFigures');
    expect(tabs[2]!.query).toContain('# a comment');
    expect(JSON.parse(tabs[2]!.variables)).toEqual({ funderId: '' });
    expect(tabs[3]!.variables).toBe('');
    expect(JSON.parse(tabs[4]!.variables)).toEqual({ venueId: '', first: 0, states: [] });
  });
});
