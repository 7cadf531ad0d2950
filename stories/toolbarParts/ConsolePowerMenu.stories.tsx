import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import {
  ConsolePowerMenu,
  ConsoleStatusIndicator,
  ConsoleToolbar,
  ConsoleViewer,
} from '../../src/index.js'
import { connectedConsole } from '../support/connectedConsole.js'
import { partVm } from '../support/partVm.js'
import { toolbarPartMeta } from '../support/toolbarPartMeta.js'
import { toolbarOf } from '../support/toolbarOf.js'

const noPowerVm = partVm('no-power')
const powerVm = partVm('power', { xvp: true })
const powerNowVm = partVm('power-now', { xvp: true })

const meta = {
  title: 'Components/Toolbar parts/ConsolePowerMenu',
  component: ConsoleViewer,
  ...toolbarPartMeta(
    { ConsolePowerMenu, ConsoleStatusIndicator },
    [noPowerVm, powerVm, powerNowVm],
    'Shut down, reboot and reset over XVP, shown only when the server announces XVP.',
  ),
} satisfies Meta<typeof ConsoleViewer>

export default meta
type Story = StoryObj<typeof meta>

export const PowerMenuUnavailable: Story = {
  name: 'PowerMenu: server without power',
  args: {
    url: noPowerVm.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsoleStatusIndicator />
        <ConsolePowerMenu />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement }) => {
    await connectedConsole(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    await waitFor(() => expect(toolbar.getByText('Connected to parts-no-power')).toBeVisible())
    expect(toolbar.queryByRole('button', { name: 'Power' })).toBeNull()
    expect(canvasElement.querySelector('[data-rvc-power]')).toBeNull()
  },
}

export const PowerMenu: Story = {
  name: 'PowerMenu: server with XVP',
  args: {
    url: powerVm.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsolePowerMenu />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement, step }) => {
    await connectedConsole(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    // Shown once the server announces XVP.
    const trigger = await toolbar.findByRole('button', { name: 'Power' })
    expect(trigger).toHaveAttribute('aria-haspopup', 'dialog')
    await step('the actions', async () => {
      await userEvent.click(trigger)
      const panel = within(toolbar.getByRole('dialog', { name: 'Power' }))
      expect(panel.getAllByRole('button').map((b) => b.textContent)).toEqual([
        'Shut down',
        'Reboot',
        'Reset',
      ])
      await userEvent.click(panel.getByRole('button', { name: 'Reboot' }))
    })
    await step('Cancel sends nothing', async () => {
      const panel = within(toolbar.getByRole('dialog', { name: 'Power' }))
      expect(panel.getByText('Reboot the VM?')).toBeVisible()
      await userEvent.click(panel.getByRole('button', { name: 'Cancel' }))
      expect(toolbar.queryByRole('dialog')).toBeNull()
      expect(trigger).toHaveFocus()
      expect(powerVm.record.power).toEqual([])
    })
    await step('confirmed, the reboot reaches the VM', async () => {
      await userEvent.click(trigger)
      await userEvent.click(
        within(toolbar.getByRole('dialog')).getByRole('button', { name: 'Reboot' }),
      )
      const panel = within(toolbar.getByRole('dialog'))
      expect(panel.getByText('Reboot the VM?')).toBeVisible()
      await userEvent.click(panel.getByRole('button', { name: 'Reboot' }))
      expect(toolbar.queryByRole('dialog')).toBeNull()
      await waitFor(() => expect(powerVm.record.power).toEqual(['reboot']))
    })
  },
}

export const PowerMenuWithoutConfirm: Story = {
  name: 'PowerMenu: confirm={false}',
  args: {
    url: powerNowVm.url,
    toolbar: (
      <ConsoleToolbar>
        <ConsolePowerMenu confirm={false} />
      </ConsoleToolbar>
    ),
  },
  play: async ({ canvasElement }) => {
    await connectedConsole(canvasElement)
    const toolbar = toolbarOf(canvasElement)
    await userEvent.click(await toolbar.findByRole('button', { name: 'Power' }))
    const before = powerNowVm.record.power.length
    await userEvent.click(
      within(toolbar.getByRole('dialog')).getByRole('button', { name: 'Reset' }),
    )
    expect(toolbar.queryByRole('dialog')).toBeNull()
    await waitFor(() => expect(powerNowVm.record.power.slice(before)).toEqual(['reset']))
  },
}
