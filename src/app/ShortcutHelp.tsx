import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useActiveShortcuts } from './shortcuts';

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const shortcuts = useActiveShortcuts().filter((s) => s.enabled !== false);
  return (
    <ConfirmDialog
      open={open}
      title="Keyboard shortcuts"
      confirmLabel="Close"
      cancelLabel={null}
      onConfirm={onClose}
      onCancel={onClose}
    >
      <p className="muted">They work whenever you are not typing in a field or an editor.</p>
      <table className="shortcuts">
        <tbody>
          {shortcuts.map((s) => (
            <tr key={`${s.key}-${s.label}`}>
              <td>
                <kbd>{s.key}</kbd>
              </td>
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ConfirmDialog>
  );
}
