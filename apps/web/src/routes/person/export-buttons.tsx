import { api, ApiError, describeError, ok } from '../../api/client';
import type { BeneficiaryFileResponse } from '../../api/types';
import { Button } from '../../ui/ui';

/** The file exported whole: as JSON, and in French readable by the person (labels, not codes). */
export function ExportButtons({ file, onError }: { file: BeneficiaryFileResponse; onError: (error: string) => void }) {
  const id = file.id;
  const download = async () => {
    const data = await ok(api.GET('/beneficiaries/{id}/export', { params: { path: { id } } }));
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `dossier-${file.lastName ?? 'anonyme'}-${file.firstName ?? ''}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };

  const downloadReadable = async () => {
    const { data, response } = await api.GET('/beneficiaries/{id}/export.txt', {
      params: { path: { id } },
      parseAs: 'blob',
    });
    if (!response.ok || !data) throw new ApiError(response.status, null, response.statusText);
    const url = URL.createObjectURL(data);
    const link = document.createElement('a');
    link.href = url;
    link.download = `dossier-${file.lastName ?? 'anonyme'}-${file.firstName ?? ''}.txt`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <>
      <Button
        variant="secondary"
        onPress={() => void download().catch((caught: unknown) => onError(describeError(caught)))}
      >
        Exporter le dossier (JSON)
      </Button>
      <Button
        variant="secondary"
        onPress={() => void downloadReadable().catch((caught: unknown) => onError(describeError(caught)))}
      >
        Exporter le dossier (lisible)
      </Button>
    </>
  );
}
