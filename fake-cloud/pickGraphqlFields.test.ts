import { describe, expect, it } from 'vitest'
import { pickGraphqlFields } from './pickGraphqlFields.ts'

const vnc = { raw_token: 'r', token: 't', vm_uuid: 'u', cluster_ip: 'c', host_ip: 'h' }

describe('pickGraphqlFields', () => {
  it('keeps the selected fields of the seed query', () => {
    const query =
      'query vnc($input: VncInput!) { vnc(input: $input) { vm_uuid host_ip cluster_ip raw_token token}}'
    expect(pickGraphqlFields(query, 'vnc', vnc)).toEqual(vnc)
  })

  it('drops fields that were not asked for and ignores nested selections', () => {
    expect(pickGraphqlFields('{ vnc(input: $i) { token host_ip { x } } }', 'vnc', vnc)).toEqual({
      token: 't',
      host_ip: 'h',
    })
    expect(
      pickGraphqlFields('query vms { vms(where: {id: 1}) { id name } }', 'vms', {
        id: 1,
        name: 'a',
        status: 'RUNNING',
      }),
    ).toEqual({ id: 1, name: 'a' })
  })

  it('is lenient when the selection cannot be read', () => {
    expect(pickGraphqlFields(undefined, 'vnc', vnc)).toBe(vnc)
    expect(pickGraphqlFields('query { other }', 'vnc', vnc)).toBe(vnc)
  })
})
